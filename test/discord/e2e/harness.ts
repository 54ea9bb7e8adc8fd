/**
 * The real bot (`startBot`, the real discord.js client, wired to metrics and the health endpoint
 * as `src/entry/main.ts` wires it) against the local Discord double, and the checks every
 * end-to-end test repeats: what the bot sent, read back from the double.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { Writable } from 'node:stream';
import type { Engine } from '../../../src/answers/engine.js';
import { startBot, type BotOptions } from '../../../src/discord/bot.js';
import { startHttpBot } from '../../../src/discord/http/http-bot.js';
import { createLogger, type Logger } from '../../../src/discord/logger.js';
import { botHealth } from '../../../src/entry/bot-health.js';
import { singleEngine, type EngineSource } from '../../../src/live/engine-source.js';
import type { Metrics } from '../../../src/health/metrics.js';
import { loadEngine } from '../../../src/load-engine.js';
import { DEFAULT_GUILD_ID, startDiscordDouble, type DiscordDouble, type DiscordDoubleOptions, type InteractionTranscript, type RecordedMessage } from '../double/index.js';

/** What the tests use of either bot. */
export interface HarnessBot {
  /** Port of the health endpoint, when `HEALTH_PORT` is set (gateway mode). */
  readonly healthPort?: number | undefined;
  /** Port of the interactions endpoint (HTTP mode). */
  readonly port?: number;
  inFlight(): number;
  stop(): Promise<void>;
}

/** A running double with the bot logged in to it (gateway mode) or serving its endpoint (HTTP mode). */
export interface Harness {
  readonly double: DiscordDouble;
  readonly bot: HarnessBot;
  /** How the double sends interactions to the bot. */
  readonly mode: HarnessMode;
  /** What the bot counts, as `/metrics` shows it. */
  readonly metrics: Metrics;
  /** The shared collection's engine (the one of every server, unless `engines` says otherwise). */
  readonly engine: Engine;
  /** Every log line the bot wrote, parsed. */
  readonly logs: Array<Record<string, unknown>>;
  /** The same lines as written. */
  readonly raw: string[];
  close(): Promise<void>;
}

/** The bot's own logger (same redaction as in production), keeping every line in memory (and printing them with `DEBUG_BOT=1`). */
export function memoryLogger(level = 'debug'): { logger: Logger; logs: Array<Record<string, unknown>>; raw: string[] } {
  const logs: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const line = chunk.toString();
      raw.push(line);
      if (process.env.DEBUG_BOT) process.stderr.write(line);
      logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger(level, stream), logs, raw };
}

/** `gateway`: `startBot`, interactions dispatched over the gateway; `http`: `startHttpBot`, interactions POSTed to its endpoint, signed. */
export type HarnessMode = 'gateway' | 'http';

/**
 * The mode of a harness started without one: `RECOUPE_E2E_MODE=http` (set by the `http-mode`
 * project of `vitest.config.ts`, which runs the suites that hold in both modes a second time)
 * or the gateway.
 */
export function modeFromEnvironment(): HarnessMode {
  return process.env.RECOUPE_E2E_MODE === 'http' ? 'http' : 'gateway';
}

/** Options of {@link startHarness}. */
export interface HarnessOptions {
  /** Default `gateway`. */
  readonly mode?: HarnessMode;
  readonly engine?: Engine;
  /** The engine of each server (default: `engine` everywhere). */
  readonly engines?: EngineSource;
  readonly double?: DiscordDoubleOptions;
  readonly bot?: Partial<Omit<BotOptions, 'config'>>;
  /**
   * Configuration besides the token, the double's URL and guild. The cooldown is OFF unless set
   * here: these tests send dozens of commands as one user within seconds, which is not what
   * they are about; `cooldown.test.ts` turns it on.
   */
  readonly config?: Partial<Pick<BotOptions['config'], 'COOLDOWN_LIMIT' | 'COOLDOWN_WINDOW_SECONDS' | 'HEALTH_PORT'>>;
  /** Log level of the in-memory logger (default `debug`). */
  readonly logLevel?: string;
}

/** Starts a double (heartbeat 1 s) and the bot in this process (gateway or HTTP mode), registered on the double's guild. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const double = await startDiscordDouble({ heartbeatIntervalMs: 1_000, ...options.double });
  const engines = options.engines ?? singleEngine(options.engine ?? (await loadEngine('data')));
  const engine = engines.shared;
  const { logger, logs, raw } = memoryLogger(options.logLevel);
  const config = { DISCORD_TOKEN: double.token, DISCORD_API_URL: double.restUrl, DISCORD_GUILD_ID: DEFAULT_GUILD_ID, COOLDOWN_LIMIT: 0, ...options.config };
  const wiring = botHealth();
  const mode = options.mode ?? modeFromEnvironment();
  let bot: HarnessBot;
  if (mode === 'http') {
    const httpBot = await startHttpBot({ config: { ...config, DISCORD_PUBLIC_KEY: double.publicKey, HTTP_PORT: 0, HTTP_HOST: '127.0.0.1' }, engines, logger, ...wiring, ...options.bot });
    double.useInteractionsEndpoint(`http://127.0.0.1:${httpBot.port}/interactions`);
    bot = httpBot;
  } else {
    bot = await startBot({ config, engines, logger, ...wiring, ...options.bot });
  }
  return {
    double,
    bot,
    mode,
    metrics: wiring.metrics,
    engine,
    logs,
    raw,
    async close() {
      await bot.stop();
      await double.stop();
    },
  };
}

/** Message bodies the bot sent (callbacks that carry a message, follow-ups, edits), with where they went. */
export function messageBodies(double: DiscordDouble): Array<{ path: string; body: Record<string, unknown> }> {
  const out: Array<{ path: string; body: Record<string, unknown> }> = [];
  for (const r of double.requests) {
    const body = r.body as Record<string, unknown> | undefined;
    if (!body) continue;
    if (r.route?.endsWith('/callback')) {
      if (body.type === 4 || body.type === 7) out.push({ path: r.path, body: body.data as Record<string, unknown> });
    } else if (r.route?.startsWith('/webhooks/')) {
      out.push({ path: r.path, body });
    }
  }
  return out;
}

/** The text of a message as a reader sees it: Markdown escapes, bold markers and zero-width spaces removed. */
export function readable(message: RecordedMessage | null | undefined): string {
  return (message?.text ?? '').replace(/\*\*/gu, '').replace(/\\(.)/gu, '$1').replaceAll('\u200b', '');
}

/** Waits for the final original response (not "thinking…"). */
export function final(t: InteractionTranscript): RecordedMessage {
  if (!t.original) throw new Error(`no original response for ${t.interactionId}`);
  return t.original;
}

/** The `node --import tsx src/entry/main.ts` child process, with its output collected. */
export interface BotProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly stdout: string[];
  readonly stderr: string[];
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
  /** Resolves when a stdout log line satisfies the predicate. */
  waitForLog(predicate: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
}

/** Spawns the real entry point, as `npm start` would (or another script, as `npm run deploy`), against the double. */
export function spawnBot(env: Record<string, string>, script = 'src/entry/main.ts', args: readonly string[] = []): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, DISCORD_GUILD_ID: DEFAULT_GUILD_ID, LOG_LEVEL: 'info', DATA_DIR: 'data', ...env },
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const waiters: Array<{ predicate: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }> = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      stdout.push(line);
      if (process.env.DEBUG_BOT) process.stderr.write(`${line}\n`);
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(line) as Record<string, unknown>;
      } catch {
        continue;
      }
      for (const w of [...waiters]) {
        if (w.predicate(parsed)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(parsed);
        }
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    stdout,
    stderr,
    exited,
    waitForLog(predicate, timeoutMs = 20_000) {
      const seen = stdout.map((l) => {
        try {
          return JSON.parse(l) as Record<string, unknown>;
        } catch {
          return undefined;
        }
      });
      const already = seen.find((l) => l && predicate(l));
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching log line within ${timeoutMs} ms; stdout:\n${stdout.join('\n')}\nstderr:\n${stderr.join('')}`)), timeoutMs);
        waiters.push({ predicate, resolve: (l) => (clearTimeout(timer), resolve(l)) });
      });
    },
  };
}
