/**
 * `npm run bench:load [-- --count 300 --spread 950 --users 100]`: a burst of interactions
 * (every slash command, autocomplete, the context menu and the three buttons, in French and
 * English) injected through the local Discord double into the real bot running as `npm start`
 * runs it, in its own process, with the cooldown at its defaults (the burst comes from many
 * users). Prints how fast Discord got its first responses (p50/p99 from the dispatch) and the
 * bot's peak memory: a table first, then one JSON object on the last line.
 */
import { parseArgs } from 'node:util';
import { runInteractionLoad } from './lib/interaction-load.js';
import { formatTable } from './lib/table.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '300' },
    spread: { type: 'string', default: '950' },
    users: { type: 'string', default: '100' },
  },
});
const [count, spreadMs, users] = [values.count, values.spread, values.users].map((v) => Number.parseInt(v, 10));
if (![count, spreadMs, users].every((n) => n !== undefined && Number.isInteger(n) && n > 0)) throw new Error('bench:load: --count, --spread and --users take whole numbers above 0');

const r = await runInteractionLoad({ count: count as number, spreadMs: spreadMs as number, users: users as number });
const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(
  formatTable([
    ['figure', 'value'],
    ['interactions', String(r.count)],
    ['users', String(r.users)],
    ['injected over', ms(r.injectedOverMs)],
    ['acknowledged', String(r.acknowledged)],
    ['acknowledged after 3 s', String(r.lateAcknowledgements)],
    ['deferred first', String(r.deferred)],
    ['answered', String(r.answered)],
    ['cooldown notices', String(r.cooldownNotices)],
    ['ack p50', ms(r.ackP50Ms)],
    ['ack p99', ms(r.ackP99Ms)],
    ['ack max', ms(r.ackMaxMs)],
    ['answer p50', ms(r.answerP50Ms)],
    ['answer p99', ms(r.answerP99Ms)],
    ['peak RSS (bot process)', r.peakRssBytes === undefined ? 'n/a' : `${(r.peakRssBytes / 1024 / 1024).toFixed(1)} MiB`],
    ['invalid requests', String(r.violations)],
  ]),
);
console.log(`mix: ${Object.entries(r.mix).map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log(JSON.stringify(r));
const ok = r.acknowledged === r.count && r.lateAcknowledgements === 0 && r.answered === r.count && r.violations === 0;
process.exitCode = ok ? 0 : 1;
