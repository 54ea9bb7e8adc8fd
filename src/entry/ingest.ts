/**
 * `npm run ingest -- FILE [options]`: imports one raw article text into `data/articles/`.
 * See {@link USAGE}. Exit codes: 0 written, 1 the input or the data cannot be used (the message
 * says what to pass), 2 the command line itself is wrong.
 *
 * Paths given on the command line are read from the directory the command was typed in
 * (`INIT_CWD`, which npm sets before moving to the package root); the default data directory is
 * the package's own `data/`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ingestFile, IngestError, type IngestResult } from '../corpus/ingest.js';
import { CorpusError } from '../corpus/load.js';

/** One-line synopsis printed on usage errors and `--help`. */
const USAGE =
  'Usage: npm run ingest -- FILE [--source ID] [--title TEXT] [--published YYYY-MM-DD] [--url URL] [--id ID] [--data DIR] [--force]';

const HELP = `${USAGE}

Cleans the raw article text in FILE and writes data/articles/<id>.md.
  --source ID         source id or short name from data/sources.yaml (default: the wire header's outlet)
  --title TEXT        title (default: a repeated title line, else the lead's first sentence)
  --published DATE    publication date YYYY-MM-DD (default: wire header date, else "le 17 juin 2025" in the text)
  --url URL           address of the original article
  --id ID             article id (default: <published>-<source>-<slug of title>)
  --data DIR          data directory (default: data)
  --force             replace an existing article file`;

/** Longest removed piece shown in full; longer ones are cut with `…`. */
const SHOWN_CHARS = 90;

class UsageError extends Error {}

function parseCommandLine(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        source: { type: 'string' },
        title: { type: 'string' },
        published: { type: 'string' },
        url: { type: 'string' },
        id: { type: 'string' },
        data: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true as const };
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing FILE' : `expected one FILE, got ${positionals.length}`);
  for (const [name, value] of Object.entries(values)) {
    // An empty flag value is a shell slip (unset variable), never a wanted value.
    if (typeof value === 'string' && value.trim() === '') throw new UsageError(`--${name} is empty`);
  }
  return { help: false as const, values, file: positionals[0] as string };
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/gu, ' ');
  return flat.length > SHOWN_CHARS ? `${flat.slice(0, SHOWN_CHARS - 1)}…` : flat;
}

/** The lines printed after a successful import: what was written, then what was removed. */
function describeResult(result: IngestResult): string[] {
  const { doc, cleaned, notes } = result;
  const headings = new Set(doc.paragraphs.map((p) => p.heading).filter((h) => h !== undefined));
  const lines = [
    `${result.replaced ? 'Replaced' : 'Wrote'} ${result.path}`,
    `  id          ${doc.meta.id}`,
    `  source      ${doc.meta.source} (${result.source.short})`,
    `  title       ${doc.meta.title}`,
    `  published   ${doc.meta.published}`,
    ...(doc.meta.dateline ? [`  dateline    ${doc.meta.dateline}`] : []),
    ...(doc.meta.url ? [`  url         ${doc.meta.url}`] : []),
    `  paragraphs  ${doc.paragraphs.length}${headings.size > 0 ? ` (subheadings: ${[...headings].map((h) => `"${h}"`).join(', ')})` : ''}`,
    ...notes.map((n) => `  note        ${n}`),
    ...cleaned.warnings.map((w) => `  warning     ${w}`),
    `Removed ${cleaned.removed.length} piece${cleaned.removed.length === 1 ? '' : 's'}:`,
    ...cleaned.removed.map((r) => `  - ${r.reason}: "${shorten(r.text)}"`),
  ];
  return lines;
}

async function main(argv: string[]): Promise<number> {
  let command;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`ingest: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (command.help) {
    console.log(HELP);
    return 0;
  }
  const typedIn = process.env.INIT_CWD ?? process.cwd();
  // Relative to the working directory: short in messages, and still correct for reading.
  const local = (p: string) => {
    const abs = path.resolve(typedIn, p);
    const rel = path.relative(process.cwd(), abs);
    return rel === '' ? '.' : rel.startsWith('..') ? abs : rel;
  };
  const { values } = command;
  try {
    const result = await ingestFile({
      file: local(command.file),
      dataDir: values.data === undefined ? 'data' : local(values.data),
      source: values.source,
      title: values.title,
      published: values.published,
      url: values.url,
      id: values.id,
      force: values.force,
    });
    console.log(describeResult(result).join('\n'));
    return 0;
  } catch (error) {
    if (error instanceof IngestError || error instanceof CorpusError) {
      console.error(`ingest: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
