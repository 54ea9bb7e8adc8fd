/**
 * `npm run bench:load [-- --count 300 --spread 950 --users 100 --setups gateway,http,http-2]`: a
 * burst of interactions (every slash command, autocomplete, the context menu and the three
 * buttons, in French and English) injected through the local Discord double into the real bot
 * running as operators run it, in its own process, with the cooldown at its defaults (the burst
 * comes from many users). Three setups by default: `gateway` (`npm start`), `http`
 * (`npm run start:http`, every interaction POSTed signed) and `http-2` (two `start:http`
 * processes behind a local round-robin proxy). Prints how fast Discord got its first responses
 * (p50/p99 from the dispatch) and the bots' peak memory: a table first, then one JSON object per
 * setup on the last lines.
 */
import { parseArgs } from 'node:util';
import { runInteractionLoad, type LoadResult } from './lib/interaction-load.js';
import { formatTable } from './lib/table.js';

const SETUPS = { gateway: { mode: 'gateway', processes: 1 }, http: { mode: 'http', processes: 1 }, 'http-2': { mode: 'http', processes: 2 } } as const;

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '300' },
    spread: { type: 'string', default: '950' },
    users: { type: 'string', default: '100' },
    setups: { type: 'string', default: Object.keys(SETUPS).join(',') },
  },
});
const [count, spreadMs, users] = [values.count, values.spread, values.users].map((v) => Number.parseInt(v, 10));
if (![count, spreadMs, users].every((n) => n !== undefined && Number.isInteger(n) && n > 0)) throw new Error('bench:load: --count, --spread and --users take whole numbers above 0');
const names = values.setups.split(',').map((s) => s.trim());
const unknown = names.filter((n) => !(n in SETUPS));
if (unknown.length > 0) throw new Error(`bench:load: unknown setup ${unknown.join(', ')} (known: ${Object.keys(SETUPS).join(', ')})`);

const results: Array<[string, LoadResult]> = [];
for (const name of names) {
  const setup = SETUPS[name as keyof typeof SETUPS];
  results.push([name, await runInteractionLoad({ count: count as number, spreadMs: spreadMs as number, users: users as number, mode: setup.mode, processes: setup.processes })]);
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const row = (label: string, value: (r: LoadResult) => string) => [label, ...results.map(([, r]) => value(r))];
console.log(
  formatTable([
    ['figure', ...results.map(([name]) => name)],
    row('bot processes', (r) => String(r.processes)),
    row('interactions', (r) => String(r.count)),
    row('users', (r) => String(r.users)),
    row('injected over', (r) => ms(r.injectedOverMs)),
    row('acknowledged', (r) => String(r.acknowledged)),
    row('acknowledged after 3 s', (r) => String(r.lateAcknowledgements)),
    row('deferred first', (r) => String(r.deferred)),
    row('answered', (r) => String(r.answered)),
    row('cooldown notices', (r) => String(r.cooldownNotices)),
    row('ack p50', (r) => ms(r.ackP50Ms)),
    row('ack p99', (r) => ms(r.ackP99Ms)),
    row('ack max', (r) => ms(r.ackMaxMs)),
    row('answer p50', (r) => ms(r.answerP50Ms)),
    row('answer p99', (r) => ms(r.answerP99Ms)),
    row('per process', (r) => (r.perProcess ? r.perProcess.join(' / ') : String(r.count))),
    row('peak RSS (largest bot process)', (r) => (r.peakRssBytes === undefined ? 'n/a' : `${(r.peakRssBytes / 1024 / 1024).toFixed(1)} MiB`)),
    row('invalid requests', (r) => String(r.violations)),
  ]),
);
const [, first] = results[0] ?? [];
if (first) console.log(`mix: ${Object.entries(first.mix).map(([k, n]) => `${k} ${n}`).join(', ')}`);
for (const [, r] of results) console.log(JSON.stringify(r));
const ok = results.every(([, r]) => r.acknowledged === r.count && r.lateAcknowledgements === 0 && r.answered === r.count && r.violations === 0);
process.exitCode = ok ? 0 : 1;
