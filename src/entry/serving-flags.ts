/**
 * Node's flags for every process that answers queries: `npm start` and the benchmarks pass them in
 * package.json, `start:sharded` to each shard it forks.
 *
 * A young generation of 64 MB a half-space (V8's default is 16 MB at most): a publish allocates
 * tens of megabytes (its segment, the composed engine, the duplicate check), and with the
 * default each publish meant several scavenges, each a pause of about 10 ms that copies whatever
 * is alive, queries' working data included. In bench:publish at 100 000 paragraphs, 50
 * publishes, same machine and day: scavenges while publishing 150 → 39, and query p99 during
 * publishes 173 → 59 ms. It costs up to 3 × 48 MB more of heap reserved (two half-spaces and the
 * new large-object space grow to the larger size), out of the 24 GB of this machine.
 */
export const SERVING_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
