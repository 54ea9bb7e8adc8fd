/**
 * The HTTP side of the double: `/api/v10/...` routes a slash-command bot uses, each request
 * recorded, its body validated (OpenAPI spec, then Discord's extra rules), faults injected on demand.
 *
 * Order of checks, for every request: version prefix → injected fault (429/5xx) → route (404) →
 * `Authorization` on authenticated routes (401) → body parsing (50109) → validation (50035) →
 * the route's own rules (10062, 40060, 50027, ...).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIApplication, APIUser, ApplicationFlags, RESTGetAPIGatewayBotResult } from 'discord-api-types/v10';
import { API_VERSION, ERRORS, invalidFormBody } from './constants.js';
import type { CommandStore } from './commands.js';
import { ruleIssuesFor } from './discord-rules.js';
import { uploadIssues } from './upload-rules.js';
import type { InteractionStore, Reply } from './interactions.js';
import { discordErrorTree } from './openapi-validator.js';
import type { OpenApiValidator, SpecOperation } from './openapi-validator.js';
import type { RecordedFile, RecordedRegistration, RecordedRequest, RestFault, Violation, ViolationIssue } from './types.js';

/** A recorded request while it is being handled. */
type MutableRequest = { -readonly [K in keyof RecordedRequest]: RecordedRequest[K] };

/** Everything the REST side shares with the rest of the double. */
export interface RestContext {
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: APIUser;
  readonly guildIds: ReadonlySet<string>;
  readonly checkAuth: boolean;
  /** Matches requests to the spec's operations (always) and validates bodies (if `validate`). */
  readonly validator: OpenApiValidator;
  readonly validate: boolean;
  readonly interactions: InteractionStore;
  readonly commands: CommandStore;
  /** `GET /gateway/bot` answer, computed when asked. */
  readonly gatewayBot: () => RESTGetAPIGatewayBotResult;
  readonly now: () => number;
  readonly startedAt: number;
  readonly log: (line: string) => void;
  /** The application's public key (hex), the `verify_key` of `GET /applications/@me`. */
  readonly publicKey: string;
  /** Awaited before a route carrying an interaction token is handled (`http-interactions.ts`). */
  readonly beforeTokenRoute?: (token: string) => Promise<void>;
}

/** What the REST side records; the double exposes read-only views of these arrays. */
export interface RestRecords {
  readonly requests: RecordedRequest[];
  readonly violations: Violation[];
  readonly registrations: RecordedRegistration[];
  readonly unhandled: RecordedRequest[];
}

interface PendingFault {
  readonly fault: RestFault;
  remaining: number;
}

interface Parsed {
  readonly body: unknown;
  readonly files: RecordedFile[];
  readonly invalidJson: boolean;
}

type Handler = (request: MutableRequest, params: Readonly<Record<string, string>>, files: readonly RecordedFile[]) => Reply;

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  /** Needs `Authorization: Bot <token>`. */
  readonly auth: boolean;
  readonly handler: Handler;
  /** A command registration route: its calls are recorded, with the guild (null: global). */
  readonly registration?: (params: Readonly<Record<string, string>>) => string | null;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function parseBody(raw: Buffer, contentType: string | null): Promise<Parsed> {
  if (raw.length === 0) return { body: undefined, files: [], invalidJson: false };
  const parseJson = (text: string): Parsed => {
    try {
      return { body: JSON.parse(text) as unknown, files: [], invalidJson: false };
    } catch {
      return { body: undefined, files: [], invalidJson: true };
    }
  };
  if (contentType?.startsWith('multipart/form-data')) {
    // undici's Response parses multipart bodies; discord.js sends `payload_json` plus `files[n]`.
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const files: RecordedFile[] = [];
    let parsed: Parsed = { body: undefined, files: [], invalidJson: false };
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') parsed = parseJson(value);
      } else {
        files.push({ field, filename: value.name, contentType: value.type, size: value.size, data: new Uint8Array(await value.arrayBuffer()) });
      }
    }
    return { ...parsed, files };
  }
  return parseJson(raw.toString('utf8'));
}

/** What Discord would reject in a body sent to `operation`: its OpenAPI schema, then the rules the spec cannot express. */
export function bodyIssues(validator: OpenApiValidator, operation: SpecOperation, method: string, body: unknown, files: readonly RecordedFile[]): { specIssues: ViolationIssue[]; ruleIssues: ViolationIssue[] } {
  const specIssues = validator.validate(operation, body === undefined ? {} : body);
  const seen = new Set(specIssues.map((i) => `${i.path} ${i.code}`));
  const ruleIssues = [...ruleIssuesFor(operation, method, body), ...uploadIssues(operation, body, files)].filter((i) => !seen.has(`${i.path} ${i.code}`));
  return { specIssues, ruleIssues };
}

/** Records a rejected body as a violation of `request`. */
export function recordViolation(context: Pick<RestContext, 'log'>, records: RestRecords, request: RecordedRequest, source: Violation['source'], errors: readonly ViolationIssue[]): void {
  records.violations.push({ method: request.method, path: request.path, source, operationId: request.operationId, errors: [...errors], requestIndex: request.index });
  context.log(`violation (${source}) ${request.method} ${request.path}: ${errors.map((e) => `${e.path} ${e.code}`).join('; ')}`);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function bucket(route: string): string {
  return createHash('sha1').update(route).digest('hex').slice(0, 16);
}

/** Builds the request listener. `records` receives everything observed. */
export function createRestHandler(context: RestContext, records: RestRecords, faults: PendingFault[]) {
  const routes = buildRoutes(context);
  const prefix = `/api/v${API_VERSION}`;

  /** Answers with Discord's rate-limit headers (a generous bucket unless `headers` override them). */
  const send = (request: MutableRequest, res: ServerResponse, reply: Reply, routeKey: string, headers: Record<string, string> = {}) => {
    request.status = reply.status;
    request.response = reply.body;
    const all: Record<string, string> = {
      'x-ratelimit-limit': '50',
      'x-ratelimit-remaining': '49',
      'x-ratelimit-reset': ((Date.now() + 1_000) / 1_000).toFixed(3),
      'x-ratelimit-reset-after': '1.000',
      'x-ratelimit-bucket': bucket(routeKey),
      ...headers,
    };
    for (const [name, value] of Object.entries(all)) res.setHeader(name, value);
    res.statusCode = reply.status;
    if (reply.body === undefined) {
      res.end();
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(reply.body));
  };

  const violation = (request: MutableRequest, source: Violation['source'], errors: readonly ViolationIssue[]) => recordViolation(context, records, request, source, errors);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const arrivedAt = context.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // @discordjs/rest percent-encodes segments (`%40original`); Discord decodes them.
    const pathname = url.pathname.split('/').map(safeDecode).join('/');
    const method = (req.method ?? 'GET').toUpperCase();
    const contentType = req.headers['content-type'] ?? null;
    const parsed = await parseBody(await readBody(req), contentType);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (name !== 'authorization' && value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const authorization = req.headers.authorization;
    const apiPath = pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : null;
    const operation: SpecOperation | null = apiPath === null ? null : context.validator.match(method, apiPath);
    const request: MutableRequest = {
      index: records.requests.length,
      method,
      path: pathname,
      route: operation?.template ?? null,
      operationId: operation?.operationId ?? null,
      query: Object.fromEntries(url.searchParams),
      headers,
      hasAuthorization: authorization !== undefined,
      botAuthorized: authorization === `Bot ${context.token}`,
      contentType,
      body: parsed.body,
      files: parsed.files,
      atMs: arrivedAt - context.startedAt,
      status: 0,
      response: undefined,
    };
    records.requests.push(request);

    const fault = takeFault(faults, method, pathname);
    if (fault !== null) {
      context.log(`injected ${fault.status} on ${method} ${pathname}`);
      if (fault.status === 429) {
        const retryAfter = fault.retryAfter ?? 1;
        const global = fault.global === true;
        const body = { message: 'You are being rate limited.', retry_after: retryAfter, global };
        send(request, res, { status: 429, body }, pathname, {
          'retry-after': String(retryAfter),
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': ((Date.now() + retryAfter * 1_000) / 1_000).toFixed(3),
          'x-ratelimit-reset-after': retryAfter.toFixed(3),
          'x-ratelimit-scope': global ? 'global' : 'user',
          ...(global ? { 'x-ratelimit-global': 'true' } : {}),
        });
        return;
      }
      send(request, res, { status: fault.status, body: { message: `${fault.status}: Injected fault`, code: 0 } }, pathname);
      return;
    }

    const match = apiPath === null ? null : findRoute(routes, method, apiPath);
    if (match === null) {
      records.unhandled.push(request);
      context.log(`unhandled ${method} ${pathname}`);
      send(request, res, ERRORS.notFound, pathname);
      return;
    }
    const routeKey = `${method} ${match.route.pattern.source}`;
    // What the bot sends after answering an interaction over HTTP reaches Discord after that answer.
    if (match.params.token !== undefined) await context.beforeTokenRoute?.(match.params.token);
    if (match.route.auth && context.checkAuth && !request.botAuthorized) {
      send(request, res, ERRORS.unauthorized, routeKey);
      return;
    }
    if (parsed.invalidJson) {
      violation(request, 'json', [{ path: '', code: 'INVALID_JSON', message: ERRORS.invalidJson.body.message }]);
      send(request, res, ERRORS.invalidJson, routeKey);
      return;
    }
    if (context.validate && operation !== null && operation.hasJsonBody) {
      const { specIssues, ruleIssues } = bodyIssues(context.validator, operation, method, parsed.body, parsed.files);
      if (specIssues.length > 0) violation(request, 'openapi', specIssues);
      if (ruleIssues.length > 0) violation(request, 'rule', ruleIssues);
      if (specIssues.length + ruleIssues.length > 0) {
        reply(request, res, match, invalidFormBody(discordErrorTree([...specIssues, ...ruleIssues])), routeKey);
        return;
      }
    }
    reply(request, res, match, match.route.handler(request, match.params, parsed.files), routeKey);
  };

  const reply = (request: MutableRequest, res: ServerResponse, match: { route: Route; params: Record<string, string> }, answer: Reply, routeKey: string) => {
    if (match.route.registration !== undefined) {
      const guildId = match.route.registration(match.params);
      records.registrations.push({
        method: request.method,
        scope: guildId === null ? 'global' : 'guild',
        guildId,
        body: request.body,
        status: answer.status,
        atMs: request.atMs,
      });
    }
    if (answer.issues !== undefined && answer.issues.length > 0) violation(request, 'rule', answer.issues);
    if (answer.status >= 400) context.log(`${answer.status} ${JSON.stringify(answer.body)} for ${request.method} ${request.path}`);
    send(request, res, answer, routeKey);
  };

  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      context.log(`internal error: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('content-type', 'application/json');
      }
      res.end(JSON.stringify(ERRORS.internal.body));
    });
  };
}

function takeFault(faults: PendingFault[], method: string, path: string): RestFault | null {
  const index = faults.findIndex(
    ({ fault, remaining }) =>
      remaining > 0 &&
      (fault.method === undefined || fault.method.toUpperCase() === method) &&
      (fault.pathIncludes === undefined || path.includes(fault.pathIncludes)),
  );
  const pending = faults[index];
  if (pending === undefined) return null;
  pending.remaining -= 1;
  if (pending.remaining <= 0) faults.splice(index, 1);
  return pending.fault;
}

function findRoute(routes: readonly Route[], method: string, path: string): { route: Route; params: Record<string, string> } | null {
  for (const route of routes) {
    if (route.method !== method) continue;
    const found = route.pattern.exec(path);
    if (found !== null) return { route, params: { ...found.groups } };
  }
  return null;
}

function buildRoutes(context: RestContext): Route[] {
  const app = context.applicationId;
  const ok = (body: unknown): Reply => ({ status: 200, body });
  const unknownCommand: Reply = { status: 404, body: { code: 10_063, message: 'Unknown application command' } };

  /** Checks application and guild of a commands route; null if fine. */
  const scopeError = (params: Record<string, string>): Reply | null => {
    if (params.app !== app) return ERRORS.missingAccess;
    if (params.guild !== undefined && !context.guildIds.has(params.guild)) return ERRORS.missingAccess;
    return null;
  };
  const commandRoutes = (base: string, guildOf: (params: Readonly<Record<string, string>>) => string | null): Route[] => {
    const list = new RegExp(`^${base}/commands/?$`);
    const one = new RegExp(`^${base}/commands/(?<command>\\d+)/?$`);
    return [
      {
        method: 'GET',
        pattern: list,
        auth: true,
        handler: (_r, params) => scopeError(params) ?? ok(context.commands.list(guildOf(params))),
      },
      {
        method: 'PUT',
        pattern: list,
        auth: true,
        registration: guildOf,
        handler: (r, params) => scopeError(params) ?? ok(context.commands.bulkSet(guildOf(params), Array.isArray(r.body) ? r.body : [])),
      },
      {
        method: 'POST',
        pattern: list,
        auth: true,
        registration: guildOf,
        handler: (r, params) => {
          const error = scopeError(params);
          if (error !== null) return error;
          const { command, created } = context.commands.upsert(guildOf(params), r.body);
          return { status: created ? 201 : 200, body: command };
        },
      },
      {
        method: 'GET',
        pattern: one,
        auth: true,
        handler: (_r, params) => {
          const command = context.commands.get(guildOf(params), params.command ?? '');
          return scopeError(params) ?? (command === null ? unknownCommand : ok(command));
        },
      },
      {
        method: 'PATCH',
        pattern: one,
        auth: true,
        registration: guildOf,
        handler: (r, params) => {
          const error = scopeError(params);
          if (error !== null) return error;
          const command = context.commands.edit(guildOf(params), params.command ?? '', r.body);
          return command === null ? unknownCommand : ok(command);
        },
      },
      {
        method: 'DELETE',
        pattern: one,
        auth: true,
        registration: guildOf,
        handler: (_r, params) => {
          const error = scopeError(params);
          if (error !== null) return error;
          return context.commands.delete(guildOf(params), params.command ?? '') ? { status: 204 } : unknownCommand;
        },
      },
    ];
  };

  const application = (): APIApplication => ({
    id: app,
    name: context.botUser.username,
    icon: null,
    description: '',
    bot_public: false,
    bot_require_code_grant: false,
    bot: context.botUser,
    verify_key: context.publicKey,
    flags: (1 << 19) as ApplicationFlags,
    flags_new: String(1 << 19),
    team: null,
    summary: '',
    approximate_guild_count: context.guildIds.size,
    redirect_uris: [],
    interactions_endpoint_url: null,
    integration_types_config: { 0: {} },
  });

  return [
    { method: 'GET', pattern: /^\/gateway\/bot\/?$/, auth: true, handler: () => ok(context.gatewayBot()) },
    { method: 'GET', pattern: /^\/gateway\/?$/, auth: false, handler: () => ok({ url: context.gatewayBot().url }) },
    { method: 'GET', pattern: /^\/users\/@me\/?$/, auth: true, handler: () => ok({ ...context.botUser, verified: true, mfa_enabled: false, locale: 'en-US' }) },
    { method: 'GET', pattern: /^\/applications\/@me\/?$/, auth: true, handler: () => ok(application()) },
    ...commandRoutes('/applications/(?<app>\\d+)/guilds/(?<guild>\\d+)', (p) => p.guild ?? null),
    ...commandRoutes('/applications/(?<app>\\d+)', () => null),
    {
      method: 'POST',
      pattern: /^\/interactions\/(?<id>\d+)\/(?<token>[^/]+)\/callback\/?$/,
      auth: false,
      handler: (r, params, files) =>
        context.interactions.callback(params.id ?? '', params.token ?? '', r.body, files, r.query.with_response === 'true', r.atMs + context.startedAt),
    },
    {
      method: 'POST',
      pattern: /^\/webhooks\/(?<app>\d+)\/(?<token>[^/]+)\/?$/,
      auth: false,
      handler: (r, params, files) => context.interactions.webhook('POST', params.app ?? '', params.token ?? '', null, r.body, files, r.atMs + context.startedAt),
    },
    ...(['GET', 'PATCH', 'DELETE'] as const).map(
      (method): Route => ({
        method,
        pattern: /^\/webhooks\/(?<app>\d+)\/(?<token>[^/]+)\/messages\/(?<message>@original|\d+)\/?$/,
        auth: false,
        handler: (r, params, files) =>
          context.interactions.webhook(method, params.app ?? '', params.token ?? '', params.message ?? '', r.body, files, r.atMs + context.startedAt),
      }),
    ),
  ];
}

export type { PendingFault as PendingRestFault };
