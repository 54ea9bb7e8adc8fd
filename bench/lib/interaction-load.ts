/**
 * A burst of interactions against the real bot, as operators run it: `src/entry/main.ts` in a child
 * process (so its acknowledgements and memory are its own, not the double's), logged in to the
 * local Discord double; or, in HTTP mode, `src/entry/http.ts` in one process or several behind a
 * round-robin proxy, each interaction POSTed signed by the double. Shared by `npm run bench:load`,
 * which prints the figures, and by `test/discord/e2e/load.test.ts`, which asserts completion and
 * Discord's 3-second bound only.
 *
 * The cooldown stays at its defaults (5 per 10 s per user): the burst comes from many users,
 * each sending fewer commands than that, as a busy server would.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIInteraction } from 'discord-api-types/v10';
import { loadCorpus } from '../../src/corpus/load.js';
import { DEFAULT_COOLDOWN } from '../../src/discord/cooldown.js';
import { encodeButton } from '../../src/discord/custom-id.js';
import { INTERACTION } from '../../src/discord/limits.js';
import { snowflake, startDiscordDouble, type DiscordDouble, type RecordedCallback } from '../../test/discord/double/index.js';
import { spawnBot, type BotProcess } from '../../test/discord/e2e/harness.js';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy.js';
import { percentile } from './metrics.js';

/** Options of {@link runInteractionLoad}. */
export interface LoadOptions {
  /** Interactions sent (default 300). */
  readonly count?: number;
  /** Over how long they are sent, evenly (default 950 ms: within one second even when the sender lags a little). */
  readonly spreadMs?: number;
  /** Distinct users sending them (default 100: 3 each, under the cooldown's 5). */
  readonly users?: number;
  /** How long to wait for each answer after the burst (default 20 s). */
  readonly answerTimeoutMs?: number;
  /** `gateway` (default): `npm start`'s bot; `http`: `npm run start:http`'s endpoint. */
  readonly mode?: 'gateway' | 'http';
  /** HTTP mode: processes serving the endpoint, behind a round-robin proxy when more than one (default 1). */
  readonly processes?: number;
}

/** What a burst gave. Durations in ms. */
export interface LoadResult {
  readonly mode: 'gateway' | 'http';
  /** Bot processes that served the burst. */
  readonly processes: number;
  /** HTTP mode behind the proxy: interactions each process got. */
  readonly perProcess?: readonly number[];
  readonly count: number;
  readonly users: number;
  /** From the first dispatch to the last. */
  readonly injectedOverMs: number;
  /** Interactions whose first response Discord (the double) accepted: it refuses any after 3 s. */
  readonly acknowledged: number;
  /** Of those, first responses later than {@link INTERACTION.ACK_DEADLINE_MS} (must be 0). */
  readonly lateAcknowledgements: number;
  /** Interactions with their final answer: the message (edited in if deferred), or the suggestions. */
  readonly answered: number;
  /** Answers that were the cooldown's notice instead (must be 0 with enough users). */
  readonly cooldownNotices: number;
  readonly deferred: number;
  /** Dispatch → accepted first response. */
  readonly ackP50Ms: number;
  readonly ackP99Ms: number;
  readonly ackMaxMs: number;
  /** Dispatch → final answer (the last edit of the message, or the suggestions). */
  readonly answerP50Ms: number;
  readonly answerP99Ms: number;
  /** The bot process's peak resident memory (`VmHWM`; the largest of them, with several), or undefined where `/proc` is missing. */
  readonly peakRssBytes: number | undefined;
  /** Requests Discord would have rejected (must be 0). */
  readonly violations: number;
  /** Interactions of each kind in the mix. */
  readonly mix: Readonly<Record<string, number>>;
}

/** Runs the burst and returns its figures; throws only if the bot cannot start. */
export async function runInteractionLoad(options: LoadOptions = {}): Promise<LoadResult> {
  const count = options.count ?? 300;
  const spreadMs = options.spreadMs ?? 950;
  const users = options.users ?? 100;
  if (Math.ceil(count / users) >= DEFAULT_COOLDOWN.limit + 1) throw new Error(`bench: ${count} interactions from ${users} users would trip the cooldown`);
  const mode = options.mode ?? 'gateway';
  const processes = mode === 'http' ? (options.processes ?? 1) : 1;
  const double = await startDiscordDouble({ heartbeatIntervalMs: 1_000 });
  let served: Serving | undefined;
  try {
    served = await startServing(double, mode, processes);
    const plan = await mixedPlan(double, count, users);
    const mix: Record<string, number> = {};
    for (const p of plan) mix[p.kind] = (mix[p.kind] ?? 0) + 1;

    const startedAt = performance.now();
    const sent: Array<Promise<unknown>> = [];
    const payloads: Planned[] = [];
    for (const [k, p] of plan.entries()) {
      const wait = startedAt + (k * spreadMs) / count - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      // Built at its sending time: Discord creates the interaction (its snowflake, its age) at dispatch.
      const payload = p.build();
      payloads.push({ kind: p.kind, payload });
      sent.push(double.sendInteraction(payload));
    }
    await Promise.all(sent);
    const injectedOverMs = performance.now() - startedAt;

    const timeout = options.answerTimeoutMs ?? 20_000;
    const outcomes = await Promise.all(payloads.map((p) => outcomeOf(double, p, timeout)));
    const acks = outcomes.flatMap((o) => (o.callback ? [o.callback.afterMs] : []));
    const answers = outcomes.flatMap((o) => (o.answeredAfterMs !== undefined ? [o.answeredAfterMs] : []));
    const bots = served.bots;
    const peakRssBytes = (await Promise.all(bots.map((b) => peakRss(b.child.pid)))).reduce<number | undefined>((most, b) => (b === undefined ? most : Math.max(most ?? 0, b)), undefined);
    return {
      mode,
      processes,
      ...(served.proxy ? { perProcess: [...served.proxy.counts] } : {}),
      count,
      users,
      injectedOverMs,
      acknowledged: acks.length,
      lateAcknowledgements: acks.filter((ms) => ms >= INTERACTION.ACK_DEADLINE_MS).length,
      answered: outcomes.filter((o) => o.answered).length,
      cooldownNotices: outcomes.filter((o) => o.cooldown).length,
      deferred: outcomes.filter((o) => o.callback?.type === 5 || o.callback?.type === 6).length,
      ackP50Ms: percentile(acks, 0.5),
      ackP99Ms: percentile(acks, 0.99),
      ackMaxMs: percentile(acks, 1),
      answerP50Ms: percentile(answers, 0.5),
      answerP99Ms: percentile(answers, 0.99),
      peakRssBytes,
      violations: double.violations.length,
      mix,
    };
  } finally {
    await served?.stop();
    await double.stop();
  }
}

/** The bot processes serving the burst, and how to stop them. */
interface Serving {
  readonly bots: readonly BotProcess[];
  readonly proxy?: RoundRobinProxy;
  stop(): Promise<void>;
}

/**
 * Starts the bot as operators do: `npm start` logged in to the double, or `processes` of
 * `npm run start:http` with the double POSTing to them (through a round-robin proxy when more than
 * one). Each HTTP process gets its own embedded database folder (the burst publishes nothing):
 * processes serving one application for real share `DATABASE_URL`.
 */
async function startServing(double: DiscordDouble, mode: 'gateway' | 'http', processes: number): Promise<Serving> {
  const base = { DISCORD_TOKEN: double.token, DISCORD_API_URL: double.restUrl, LOG_LEVEL: 'info' };
  const bots: BotProcess[] = [];
  const folders: string[] = [];
  let proxy: RoundRobinProxy | undefined;
  const stop = async () => {
    await proxy?.close();
    await Promise.all(
      bots.map(async (bot) => {
        if (bot.child.exitCode !== null) return;
        bot.child.kill('SIGTERM');
        await bot.exited;
      }),
    );
    await Promise.all(folders.map((f) => rm(f, { recursive: true, force: true })));
  };
  try {
    if (mode === 'gateway') {
      const bot = spawnBot(base);
      bots.push(bot);
      await bot.waitForLog((l) => typeof l.msg === 'string' && l.msg.startsWith('commands '), 60_000);
      return { bots, stop };
    }
    const ports: number[] = [];
    // One after the other: the first builds the saved index if it is missing, the others load it.
    for (let n = 0; n < processes; n += 1) {
      const folder = await mkdtemp(join(tmpdir(), 'recoupe-load-'));
      folders.push(folder);
      const bot = spawnBot({ ...base, DISCORD_PUBLIC_KEY: double.publicKey, HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', RECOUPE_DB_DIR: join(folder, 'pglite') }, 'src/entry/http.ts');
      bots.push(bot);
      const listening = await bot.waitForLog((l) => l.msg === 'interactions endpoint listening', 60_000);
      ports.push(Number(listening.port));
    }
    const upstreams = ports.map((port) => `http://127.0.0.1:${port}`);
    if (upstreams.length > 1) proxy = await startRoundRobinProxy(upstreams);
    double.useInteractionsEndpoint(`${proxy?.url ?? upstreams[0]}/interactions`);
    return { bots, ...(proxy ? { proxy } : {}), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

interface Planned {
  readonly kind: string;
  readonly payload: APIInteraction;
}

/** The mix: every slash command, autocomplete, the context menu and the three buttons, in both languages, round-robin over users. */
async function mixedPlan(double: DiscordDouble, count: number, users: number): Promise<Array<{ kind: string; build: () => APIInteraction }>> {
  const corpus = await loadCorpus('data');
  const paragraph = corpus.articles[0]?.paragraphs[0];
  const articleId = corpus.articles[0]?.id;
  if (!paragraph || !articleId) throw new Error('bench: the data folder has no article');
  const f = double.fixtures;
  const end = Math.min(paragraph.text.length, 80);
  const kinds: Array<[string, (ctx: { user: { id: string; username: string }; locale: 'fr' | 'en-US' }) => APIInteraction]> = [
    ['ask', (c) => f.chatInput({ name: 'ask', options: { question: 'Combien de sapeurs nord-coréens à Koursk ?' }, ...c })],
    ['who', (c) => f.chatInput({ name: 'who', options: { query: 'Choïgou' }, ...c })],
    ['when', (c) => f.chatInput({ name: 'when', options: {}, ...c })],
    ['compare', (c) => f.chatInput({ name: 'compare', options: { topic: 'sapeurs' }, ...c })],
    ['cite', (c) => f.chatInput({ name: 'cite', options: { query: 'aide fraternelle' }, ...c })],
    ['sources', (c) => f.chatInput({ name: 'sources', options: {}, ...c })],
    ['help', (c) => f.chatInput({ name: 'help', options: {}, ...c })],
    ['ask (no evidence)', (c) => f.chatInput({ name: 'ask', options: { question: 'zzzz introuvable', hide: true }, ...c })],
    ['autocomplete', (c) => f.autocomplete({ name: 'who', options: { query: 'Ch' }, focused: 'query', ...c })],
    ['context menu', (c) => f.messageContext({ name: 'Cite sources', targetMessage: { content: 'Les sapeurs reconstruisent Koursk' }, ...c })],
    ['button: more', (c) => f.button({ customId: encodeButton({ kind: 'more', command: 'ask', page: 1, locale: 'fr', query: { text: 'Pyongyang Moscou' } }), ...c })],
    ['button: paragraph', (c) => f.button({ customId: encodeButton({ kind: 'paragraph', article: { text: articleId }, paragraph: paragraph.n }), ...c })],
    [
      'button: citation',
      (c) => f.button({ customId: encodeButton({ kind: 'citation', article: { text: articleId }, paragraph: paragraph.n, start: 0, end, cutStart: false, cutEnd: end < paragraph.text.length }), ...c }),
    ],
  ];
  const people = Array.from({ length: users }, (_, n) => ({ id: snowflake(), username: `lecteur${n}` }));
  return Array.from({ length: count }, (_, k) => {
    const [kind, build] = kinds[k % kinds.length] as (typeof kinds)[number];
    const user = people[k % users] as { id: string; username: string };
    return { kind, build: () => build({ user, locale: k % 2 === 0 ? 'fr' : 'en-US' }) };
  });
}

/** How one interaction ended, as the double saw it. */
async function outcomeOf(double: DiscordDouble, p: Planned, timeoutMs: number): Promise<{ callback: RecordedCallback | undefined; answered: boolean; answeredAfterMs?: number; cooldown: boolean }> {
  const callback = await double.waitForCallback(p.payload.id, timeoutMs).catch(() => undefined);
  if (!callback) return { callback, answered: false, cooldown: false };
  if (callback.type === 8) return { callback, answered: true, answeredAfterMs: callback.afterMs, cooldown: false };
  const original = (await double.waitForMessage(p.payload.id, undefined, timeoutMs).catch(() => undefined))?.original;
  if (!original || original.embeds.length + original.content.length + original.components.length === 0) return { callback, answered: false, cooldown: false };
  return { callback, answered: true, answeredAfterMs: original.updatedAfterMs, cooldown: /<t:\d+:R>/u.test(original.content) };
}

/** Peak resident set size of a Linux process (`VmHWM` in `/proc/<pid>/status`), in bytes. */
async function peakRss(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  const kb = status && /^VmHWM:\s+(\d+) kB$/mu.exec(status)?.[1];
  return kb ? Number(kb) * 1_024 : undefined;
}
