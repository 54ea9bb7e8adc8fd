/**
 * Every interaction the bot receives goes through here: routed by kind (slash command,
 * autocomplete, context menu, button, form), answered through `respond.ts`, with the one error
 * boundary around it and one log line at the end (request id, command, outcome, durations;
 * the query's length at info, the query itself only at debug). The per-user cooldown is asked
 * first for commands, buttons and the context menu (never for autocomplete, which is typing, not
 * asking), and every interaction is counted in the metrics. Under a burst (more than
 * `OURS.DEFER_WHEN_BUSY_AT` in progress) a new interaction is deferred before any work, so that its
 * first response does not queue behind the others' answers.
 *
 * Each interaction is answered by the engine of its collection (`collection-of.ts`): in a server
 * that installed the bot, the shared collection plus the server's own articles; elsewhere (DMs,
 * user installs) the shared collection; outlet colours included. The moderators'
 * commands, buttons and forms go to `moderation/route.ts`, which checks who may use them.
 */
import type { AutocompleteInteraction, ChatInputCommandInteraction, Interaction, MessageContextMenuCommandInteraction } from 'discord.js';
import type { EngineSource } from '../live/engine-source.js';
import type { ModerationService } from '../moderation/types.js';
import { completionOf, dispatch } from '../commands/table.js';
import { UserError } from '../commands/user-error.js';
import { localeOf } from '../render/messages.js';
import { answerReply, cooldownReply } from './render/payload.js';
import { colorsOf } from './colors.js';
import { collectionOf } from './collection-of.js';
import { suggest, type Choice } from './autocomplete.js';
import { handleFailure, type Outcome } from './error-boundary.js';
import { handleButton } from './buttons.js';
import { contextMenuNamed, slashNamed } from './commands.js';
import type { CooldownDecision, Cooldowns } from './cooldown.js';
import { requestFor, type EngineRequest } from './handlers.js';
import { contextQuery, parseSlashArgs } from './parse-input.js';
import { INTERACTION, OURS } from './limits.js';
import type { Logger } from './logger.js';
import { DraftMemo } from './moderation/draft-memo.js';
import { handleModeration, isModeration } from './moderation/route.js';
import type { ModerationContext } from './moderation/context.js';
import { countInteraction, type BotMetrics } from './observe.js';
import type { FeedbackStore } from './votes.js';
import { answerWithin, respondChoices, send, type Acknowledged, type Answerable } from './respond.js';

/** What the router needs. */
export interface RouterOptions {
  /** The engine of each server (`singleEngine(engine)` for one engine everywhere). */
  readonly engines: EngineSource;
  /** What moderators do (`/article`, `/source`); none: those commands are refused as unavailable. */
  readonly moderation?: ModerationService;
  /** Where the fetch's test-only allow list is read, for attachments (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  readonly logger: Logger;
  /** Clock for button expiry (default `Date.now`). */
  readonly now?: () => number;
  /** See `answerWithin` (default 1.5 s). */
  readonly deferAfterMs?: number;
  /** Per-user cooldown (`cooldownsFrom`); none: every interaction is served. */
  readonly cooldowns?: Cooldowns;
  /** Where interactions are counted; none: not counted. */
  readonly metrics?: BotMetrics;
  /** Where 👍 / 👎 and the questions answered "no evidence" are stored; none: no vote buttons, nothing logged. */
  readonly feedback?: FeedbackStore;
}

/** What the log line and the metrics learn from an acknowledged interaction. */
type Served = Acknowledged & { readonly queryLength?: number; readonly action?: string; readonly noEvidence?: boolean; readonly retryAfterMs?: number; readonly firstRefusal?: boolean };

/** Handles one interaction; never rejects. */
export type InteractionHandler = (interaction: Interaction) => Promise<void>;

/** Builds the handler of every interaction. */
export function createRouter(options: RouterOptions): InteractionHandler {
  const { engines, logger } = options;
  const now = options.now ?? Date.now;
  const moderation: Omit<ModerationContext, 'deferAfterMs'> | undefined = options.moderation
    ? { service: options.moderation, engines, memo: new DraftMemo(), env: options.env ?? process.env }
    : undefined;

  /** Interactions being handled now: past {@link OURS.DEFER_WHEN_BUSY_AT}, new ones are deferred before any work. */
  let active = 0;
  const deferAfter = (): { deferAfterMs?: number } => (active > OURS.DEFER_WHEN_BUSY_AT ? { deferAfterMs: 0 } : options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {});

  /** Runs a request and answers with its first page, within Discord's 3 seconds. */
  const answer = async (i: ChatInputCommandInteraction | MessageContextMenuCommandInteraction, request: EngineRequest, ephemeral: boolean, receivedAt: number, log: Logger) => {
    log.debug({ query: request.query }, 'query');
    let noEvidence = false;
    const collection = collectionOf(i);
    const engine = engines.engineFor(collection);
    const colorOf = colorsOf(engine);
    const votes = options.feedback !== undefined;
    const ack = await answerWithin(i, { mode: 'reply', ephemeral, receivedAt, ...deferAfter() }, () => {
      const result = dispatch(engine, request.command, request.query);
      noEvidence = result.kind === 'no-evidence';
      return answerReply(result, { locale: localeOf(i.locale), page: 0, ephemeral, command: request.command, query: request.query, colorOf, votes });
    });
    // After the answer is sent: a store that is slow or down never holds an answer up, and its failure is only logged.
    if (noEvidence && options.feedback) {
      await options.feedback.recordUnanswered({ guildId: collection ?? '', command: request.command, query: request.query }).catch((error: unknown) => log.warn({ err: error }, 'unanswered question not recorded'));
    }
    return { ...ack, noEvidence };
  };

  /** The cooldown's refusal: a short ephemeral notice with when to try again; nothing else is run. */
  const refuse = async (i: Answerable, wait: Extract<CooldownDecision, { allowed: false }>, receivedAt: number): Promise<Served> => {
    await send(i, cooldownReply(new Date(now() + wait.retryAfterMs), localeOf(i.locale)));
    return { ackMs: performance.now() - receivedAt, deferred: false, retryAfterMs: wait.retryAfterMs, firstRefusal: wait.firstRefusal };
  };

  const slash = async (i: ChatInputCommandInteraction, receivedAt: number, log: Logger): Promise<Acknowledged & { queryLength: number }> => {
    const name = slashNamed(i.commandName);
    if (!name) throw new UserError('unknown-command', i.commandName);
    const args = parseSlashArgs(name, Object.fromEntries(i.options.data.map((o) => [o.name, o.value])));
    const request = requestFor(name, args);
    const ephemeral = (args as { hide?: boolean }).hide === true;
    return { ...(await answer(i, request, ephemeral, receivedAt, log)), queryLength: request.query.length };
  };

  const contextMenu = async (i: MessageContextMenuCommandInteraction, receivedAt: number, log: Logger): Promise<Acknowledged & { queryLength: number }> => {
    const menu = contextMenuNamed(i.commandName);
    if (!menu) throw new UserError('unknown-command', i.commandName);
    const query = contextQuery(i.targetMessage.content, menu.command === 'check' ? OURS.CLAIM_MAX : OURS.CONTEXT_QUERY_MAX);
    // Ephemeral: the person checking someone else's message decides whether to share what was found.
    return { ...(await answer(i, { command: menu.command, query }, true, receivedAt, log)), queryLength: query.length };
  };

  const autocomplete = async (i: AutocompleteInteraction, log: Logger): Promise<void> => {
    let choices: Choice[] = [];
    try {
      const name = slashNamed(i.commandName);
      // Only options the table declares completed get suggestions (Discord asks for no others).
      if (name && completionOf(name)) choices = suggest(engines.engineFor(collectionOf(i)), name, String(i.options.getFocused()));
    } catch (error) {
      // Suggestions are a nicety: a bug there answers "no suggestions", it does not fail the request.
      log.warn({ err: error }, 'autocomplete failed');
    }
    await respondChoices(i, choices);
  };

  /** The moderators' context with this moment's deferral setting; undefined without a moderation service. */
  const moderationContext = (): ModerationContext | undefined => (moderation ? { ...moderation, ...deferAfter() } : undefined);

  /** What a button of an answer needs: the engine of its server, and its colours. */
  const buttonContext = (collection: string | null) => {
    const engine = engines.engineFor(collection);
    return { engine, colorOf: colorsOf(engine), now, collection: collection ?? '', ...(options.feedback ? { feedback: options.feedback } : {}), ...deferAfter() };
  };

  return async (i: Interaction) => {
    active += 1;
    try {
      await handle(i);
    } finally {
      active -= 1;
    }
  };

  async function handle(i: Interaction): Promise<void> {
    const receivedAt = performance.now() - arrivalAge(i.createdTimestamp, now());
    const command = 'commandName' in i ? i.commandName : i.isButton() || i.isModalSubmit() ? i.customId.split(':')[0] : undefined;
    const log = logger.child({ requestId: i.id, type: i.type, command, locale: 'locale' in i ? i.locale : undefined });
    let outcome: Outcome = 'answered';
    let details: Record<string, unknown> = {};
    let noEvidence = false;
    try {
      let ack: Served | undefined;
      if (i.isAutocomplete()) await (isModeration(i) ? handleModeration(i, moderationContext(), receivedAt, log) : autocomplete(i, log));
      else if (!i.isChatInputCommand() && !i.isMessageContextMenuCommand() && !i.isButton() && !i.isModalSubmit()) return;
      else {
        const wait = options.cooldowns?.take(i.user.id);
        if (wait && !wait.allowed) ack = await refuse(i, wait, receivedAt);
        else if (isModeration(i)) ack = await handleModeration(i, moderationContext(), receivedAt, log);
        else if (i.isChatInputCommand()) ack = await slash(i, receivedAt, log);
        else if (i.isMessageContextMenuCommand()) ack = await contextMenu(i, receivedAt, log);
        else if (i.isButton()) ack = await handleButton(i, buttonContext(collectionOf(i)), receivedAt);
        else return;
        outcome = wait && !wait.allowed ? 'cooldown' : ack?.deferred ? 'deferred' : 'answered';
      }
      if (ack) {
        noEvidence = ack.noEvidence === true;
        details = { ...ack, ackMs: Math.round(ack.ackMs) };
      }
    } catch (error) {
      outcome = await handleFailure(i, error, log);
    }
    const durationMs = performance.now() - receivedAt;
    if (options.metrics) countInteraction(options.metrics, i, outcome, noEvidence, durationMs);
    log.info({ outcome, durationMs: Math.round(durationMs), ...details }, 'interaction');
  }
}

/**
 * How long ago Discord created the interaction (its snowflake holds the time), bounded by the
 * 3-second deadline: if this process was busy when it arrived, part of the 3 seconds is already
 * gone and the router defers sooner. A clock ahead of Discord's only makes it defer more often.
 */
export function arrivalAge(createdTimestamp: number, now: number): number {
  return Math.min(Math.max(0, now - createdTimestamp), INTERACTION.ACK_DEADLINE_MS);
}
