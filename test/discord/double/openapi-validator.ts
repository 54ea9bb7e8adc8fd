/**
 * Validates request bodies against Discord's own OpenAPI spec (discord/discord-api-spec), as the
 * npm dev dependency `discord-api-spec` ships it: zod (mini) schemas generated from that spec,
 * pinned to one exact version in package.json so a run is reproducible.
 *
 * Requests are matched against every path of the spec (the package's `pathsList`); bodies are
 * validated for the operations the double serves (`spec-operations.ts`). zod's issues become
 * Discord's codes and messages, with unions reported as Discord does, by the branch that matters:
 * zod already keeps the one branch whose failures are only limits (lengths, ranges); when every
 * branch fails on a shape, the branches whose `type` value does not match are set aside, as a
 * discriminator would, and so is an "absent" branch (`undefined`, `null`) when a value is there. Then the spec's constraints the generated schemas lose (integers, unique
 * lists) are checked (`spec-restored.ts`).
 *
 * Errata (where real Discord and discord.js disagree with the spec or the generated schemas):
 * - string lengths count code points, as Discord's backend does; zod counts UTF-16 units, so a
 *   `maxLength` failure is checked again in code points (the minimum lengths of the served bodies
 *   are 0 or 1, where both counts agree);
 * - `default_member_permissions` is typed as a number, but discord.js sends a digit string and
 *   Discord accepts it (permissions are strings everywhere else in the API), so digit strings pass.
 */
import type { ZodMiniType, core } from 'zod/mini';
import { SERVED_OPERATIONS, type ServedOperation } from './spec-operations.js';
import { restoredIssues } from './spec-restored.js';
import type { ViolationIssue } from './types.js';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];

// The package's main entry declares its types in a `.ts` source that this project's compiler
// settings reject (it is compiled as CommonJS), so the entry is loaded without them: only
// `pathsList`, the spec's path templates by method, is read from it.
const PACKAGE_ENTRY: string = 'discord-api-spec';
const { pathsList } = (await import(PACKAGE_ENTRY)) as { pathsList: Readonly<Record<Method, readonly string[]>> };

/** One operation of the spec, matched from a request. */
export interface SpecOperation {
  readonly method: string;
  /** Path template, e.g. `/webhooks/{webhook_id}/{webhook_token}/messages/@original`. */
  readonly template: string;
  /** The spec's operationId, for the operations the double serves; null for the others. */
  readonly operationId: string | null;
  /** The operation takes a JSON request body the double validates. */
  readonly hasJsonBody: boolean;
  readonly params: Readonly<Record<string, string>>;
}

interface CompiledPath {
  readonly method: Method;
  readonly template: string;
  readonly regex: RegExp;
  readonly literals: number;
  readonly names: readonly string[];
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function pointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${escapePointer(String(segment))}`).join('');
}

function compilePath(method: Method, template: string): CompiledPath {
  const segments = template.split('/').slice(1);
  const names: string[] = [];
  const pattern = segments
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (param?.[1] !== undefined) {
        names.push(param[1]);
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\@]/g, '\\$&');
    })
    .join('/');
  return { method, template, regex: new RegExp(`^/${pattern}/?$`), literals: segments.length - names.length, names };
}

/** A failure the errata above let through. */
function isErratum(issue: core.$ZodIssue): boolean {
  if (issue.code === 'too_big' && issue.origin === 'string' && typeof issue.input === 'string') {
    return [...issue.input].length <= Number(issue.maximum);
  }
  const last = issue.path[issue.path.length - 1];
  return issue.code === 'invalid_type' && last === 'default_member_permissions' && typeof issue.input === 'string' && /^[0-9]+$/.test(issue.input);
}

/** The branch of a failed union was set aside by its `type` value. */
function failsOnType(issues: readonly core.$ZodIssue[]): boolean {
  return issues.some((issue) => issue.code === 'invalid_value' && issue.path.length === 1 && issue.path[0] === 'type');
}

/** The branch of a failed union is "absent" (`undefined` or `null`) and the value is not. */
function failsOnAbsence(issues: readonly core.$ZodIssue[]): boolean {
  const [issue] = issues;
  return issues.length === 1 && issue?.code === 'invalid_type' && issue.path.length === 0 && (issue.expected === 'undefined' || issue.expected === 'null');
}

/** Discord-like code and message for one zod issue that is not a union, at `path`. */
function toIssue(issue: core.$ZodIssue, path: string): ViolationIssue {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }
        : { path, code: 'BASE_TYPE_BAD_TYPE', message: `Value must be ${issue.expected}.` };
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? { path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${issue.maximum} or fewer in length.` }
        : { path, code: 'NUMBER_TYPE_MAX', message: `Value should be less than or equal to ${issue.maximum}.` };
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array'
        ? { path, code: 'BASE_TYPE_MIN_LENGTH', message: `Must be ${issue.minimum} or more in length.` }
        : { path, code: 'NUMBER_TYPE_MIN', message: `Value should be greater than or equal to ${issue.minimum}.` };
    case 'invalid_value':
      return { path, code: 'BASE_TYPE_CHOICES', message: `Value must be one of ${JSON.stringify(issue.values)}.` };
    case 'invalid_format':
      return issue.format === 'regex'
        ? { path, code: 'STRING_TYPE_REGEX', message: 'String value did not match validation regex.' }
        : { path, code: 'BASE_TYPE_BAD_FORMAT', message: `Value must match format "${issue.format}".` };
    default:
      return { path, code: 'BASE_TYPE_INVALID', message: issue.message };
  }
}

/** Issues of a failed union at `prefix`: the branch that matters (see the file comment). */
function unionIssues(issue: core.$ZodIssue & { code: 'invalid_union' }, prefix: readonly PropertyKey[]): ViolationIssue[] {
  const branches = issue.errors.map((errors) => ({ setAside: failsOnType(errors) || failsOnAbsence(errors), issues: issuesOf(errors, prefix) }));
  if (branches.some((branch) => branch.issues.length === 0)) return [];
  const candidates = branches.filter((branch) => !branch.setAside);
  if (candidates.length > 0) return candidates.flatMap((branch) => branch.issues);
  const typeIssues = issue.errors.flat().filter((e) => e.code === 'invalid_value' && e.path.length === 1 && e.path[0] === 'type');
  const at = pointer([...prefix, 'type']);
  if (typeIssues.length === 0) return [{ path: pointer(prefix), code: 'BASE_TYPE_INVALID', message: 'Body matches none of the allowed shapes.' }];
  if (typeIssues.every((e) => e.input === undefined)) return [{ path: at, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }];
  const allowed = typeIssues.flatMap((e) => (e.code === 'invalid_value' ? e.values : []));
  return [{ path: at, code: 'BASE_TYPE_CHOICES', message: `Value must be one of ${JSON.stringify(allowed)}.` }];
}

/** Discord-like issues of zod issues whose paths are relative to `prefix`. */
function issuesOf(issues: readonly core.$ZodIssue[], prefix: readonly PropertyKey[]): ViolationIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) return unionIssues(issue, path);
    return isErratum(issue) ? [] : [toIssue(issue, pointer(path))];
  });
}

/** Turns zod issues into deduplicated Discord-like issues (union noise removed). */
export function issuesFromZod(issues: readonly core.$ZodIssue[]): ViolationIssue[] {
  const seen = new Set<string>();
  return issuesOf(issues, []).filter((issue) => {
    const key = `${issue.path}\u0000${issue.code}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Discord's nested `errors` object of a 50035: `{ data: { embeds: { 0: { title: { _errors: [...] } } } } }`.
 */
export function discordErrorTree(issues: readonly ViolationIssue[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const issue of issues) {
    let node = root;
    for (const segment of issue.path.split('/').slice(1).map(unescapePointer)) {
      node = (node[segment] ??= {}) as Record<string, unknown>;
    }
    ((node._errors ??= []) as unknown[]).push({ code: issue.code, message: issue.message });
  }
  return root;
}

/** Matches requests to the spec's operations and validates their JSON bodies. */
export class OpenApiValidator {
  readonly #paths: readonly CompiledPath[];
  readonly #served = new Map<string, ServedOperation>();

  private constructor() {
    for (const operation of SERVED_OPERATIONS) this.#served.set(`${operation.method} ${operation.template}`, operation);
    this.#paths = METHODS.flatMap((method) => pathsList[method].map((template) => compilePath(method, template))).sort(
      (a, b) => b.literals - a.literals,
    );
  }

  static #instance: OpenApiValidator | undefined;

  /** The one validator of the process (made on first use). */
  static load(): OpenApiValidator {
    OpenApiValidator.#instance ??= new OpenApiValidator();
    return OpenApiValidator.#instance;
  }

  /** A new validator, apart from the process's one. */
  static create(): OpenApiValidator {
    return new OpenApiValidator();
  }

  /** The operation for `method` and a percent-decoded API path without the `/api/v10` prefix, or null. */
  match(method: string, path: string): SpecOperation | null {
    const lower = method.toLowerCase();
    for (const candidate of this.#paths) {
      if (candidate.method !== lower) continue;
      const found = candidate.regex.exec(path);
      if (found === null) continue;
      const params: Record<string, string> = {};
      candidate.names.forEach((name, i) => {
        params[name] = found[i + 1] ?? '';
      });
      const served = this.#served.get(`${lower} ${candidate.template}`);
      return {
        method: lower,
        template: candidate.template,
        operationId: served?.operationId ?? null,
        hasJsonBody: served?.body != null,
        params,
      };
    }
    return null;
  }

  /**
   * Runs each of these operations' body schemas once, so zod builds its compiled object parsers
   * before the first timed request (an interaction callback has 3 s).
   */
  warm(operations: ReadonlyArray<readonly [method: string, template: string]>): void {
    for (const [method, template] of operations) this.#schemaFor(method.toLowerCase(), template).safeParse({});
  }

  /** Issues of `body` against the operation's `application/json` request schema (empty when valid). */
  validate(operation: SpecOperation, body: unknown): ViolationIssue[] {
    const served = this.#served.get(`${operation.method} ${operation.template}`);
    if (served === undefined) {
      throw new Error(`DiscordDouble: no request schema for ${operation.method.toUpperCase()} ${operation.template} (see spec-operations.ts)`);
    }
    if (served.body === null) return [];
    const result = served.body.safeParse(body, { reportInput: true });
    const issues = result.success ? [] : issuesFromZod(result.error.issues);
    const seen = new Set(issues.map((i) => `${i.path} ${i.code}`));
    return [...issues, ...restoredIssues(body).filter((i) => !seen.has(`${i.path} ${i.code}`))];
  }

  #schemaFor(method: string, template: string): ZodMiniType {
    const body = this.#served.get(`${method} ${template}`)?.body;
    if (body === undefined || body === null) throw new Error(`DiscordDouble: no request schema for ${method.toUpperCase()} ${template}`);
    return body;
  }
}
