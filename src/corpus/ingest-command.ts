/**
 * `npm run ingest -- INPUT [options]`: the whole command line of the ingest, from arguments to
 * exit code, with the process's streams and environment passed in (so tests run it in-process).
 * See {@link HELP}. Exit codes: 0 written (for a feed: every item written or already there),
 * 1 the input or the data cannot be used (the message says what to pass), 2 the command line
 * itself is wrong.
 *
 * Paths given on the command line are read from the directory the command was typed in
 * (`INIT_CWD`, which npm sets before moving to the package root). The data directory is `--data`,
 * else `DATA_DIR` (as for every other command; relative to the working directory), else `data`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DuplicateIndex } from './duplicates.js';
import { buildFromExtracted, DuplicateArticleError, findSource, IngestError, loadDuplicateIndex, saveArticle, type ArticleOverrides, type SavedArticle } from './ingest.js';
import { isUrl, readInput, type InputSpec, type ReadInput } from './ingest-input.js';
import { CorpusError, readSources } from './load.js';
import { NEW_SOURCE_USAGE, NewSourceError, parseNewSource, sourcesWith } from './sources-file.js';
import type { Source } from './types.js';

/** The process's streams, as far as the command uses them. */
export interface IngestIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly stdin: AsyncIterable<Buffer | string>;
}

/** One-line synopsis printed on usage errors and `--help`. */
export const USAGE = 'Usage: npm run ingest -- FILE|-|URL [--source ID | --new-source SPEC] [--title TEXT] [--published YYYY-MM-DD] [--url URL] [--id ID] [--language fr|en] [--data DIR] [--replace] [--no-fetch] [--dry-run]';

const HELP = `${USAGE}

Reads one article (or one per item of a feed) and writes data/articles/<id>.md.
INPUT is a file, - for standard input, or an http(s) URL. Its form is detected: an HTML page,
an RSS/Atom/JSON feed, an article file in the project's format, or plain text (pasted from a
browser or an e-mail). Every piece removed is listed with its reason.
  --source ID         outlet id or short name from sources.yaml (default: the page's outlet or
                      address, else the dateline's agency)
  --new-source SPEC   add an outlet to sources.yaml in the same step (and use it):
                      ${NEW_SOURCE_USAGE.replace('--new-source ', '')}
  --title TEXT        title (default: the page's or feed item's, else a title line of the text)
  --published DATE    publication date YYYY-MM-DD (default: page metadata, dateline, then the text)
  --url URL           address of the original article (default: the page's canonical address)
  --id ID             article id (default: <published>-<source>-<slug of title>)
  --language TAG      language of the text (default: detected, French or English)
  --data DIR          data directory (default: $DATA_DIR, else data)
  --replace           update the article already in the corpus (same address or same text,
                      or the same id); --force is the same
  --no-fetch          for a feed: use each item's own content instead of fetching its page
  --dry-run           check and print everything, write nothing`;

/** Longest removed piece shown in full; longer ones are cut with `…`. */
const SHOWN_CHARS = 90;

/** Flags that name one article: meaningless for a feed of several items. */
const ONE_ARTICLE_FLAGS = ['title', 'published', 'url', 'id'] as const;

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
        'new-source': { type: 'string' },
        title: { type: 'string' },
        published: { type: 'string' },
        url: { type: 'string' },
        id: { type: 'string' },
        language: { type: 'string' },
        data: { type: 'string' },
        replace: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        'no-fetch': { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true as const };
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing FILE (a file, - for standard input, or a URL)' : `expected one FILE, got ${positionals.length}`);
  for (const [name, value] of Object.entries(values)) {
    // An empty flag value is a shell slip (unset variable), never a wanted value.
    if (typeof value === 'string' && value.trim() === '') throw new UsageError(`--${name} is empty`);
  }
  if (values.source !== undefined && values['new-source'] !== undefined) throw new UsageError('--source and --new-source both name the outlet; give one');
  return { help: false as const, values, input: positionals[0] as string };
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/gu, ' ');
  return flat.length > SHOWN_CHARS ? `${flat.slice(0, SHOWN_CHARS - 1)}…` : flat;
}

const VERB: Readonly<Record<SavedArticle['outcome'], string>> = { written: 'Wrote', replaced: 'Replaced', 'dry-run': 'Would write (dry run)' };

/** The lines printed after an article is saved: what was written, then what was removed. */
function describeResult(result: SavedArticle): string[] {
  const { doc, notes, warnings, removed } = result;
  const headings = new Set(doc.paragraphs.map((p) => p.heading).filter((h) => h !== undefined));
  return [
    `${VERB[result.outcome]} ${result.path}`,
    `  id          ${doc.meta.id}`,
    `  source      ${doc.meta.source} (${result.source.short})${result.sourceAdded ? ', added to sources.yaml' : ''}`,
    `  title       ${doc.meta.title}`,
    `  published   ${doc.meta.published}`,
    `  language    ${doc.meta.language}`,
    ...(doc.meta.dateline ? [`  dateline    ${doc.meta.dateline}`] : []),
    ...(doc.meta.url ? [`  url         ${doc.meta.url}`] : []),
    ...(doc.meta.syndication_of ? [`  syndication_of ${doc.meta.syndication_of}`] : []),
    `  paragraphs  ${doc.paragraphs.length}${headings.size > 0 ? ` (subheadings: ${[...headings].map((h) => `"${h}"`).join(', ')})` : ''}`,
    ...notes.map((n) => `  note        ${n}`),
    ...warnings.map((w) => `  warning     ${w}`),
    `Removed ${removed.length} piece${removed.length === 1 ? '' : 's'}:`,
    ...removed.map((r) => `  - ${r.reason}: "${shorten(r.text)}"`),
  ];
}

/** Where paths typed on the command line are read from, and how they are shown. */
function localPath(env: NodeJS.ProcessEnv): (p: string) => string {
  const typedIn = env.INIT_CWD ?? process.cwd();
  // Relative to the working directory: short in messages, and still correct for reading.
  return (p) => {
    const abs = path.resolve(typedIn, p);
    const rel = path.relative(process.cwd(), abs);
    return rel === '' ? '.' : rel.startsWith('..') ? abs : rel;
  };
}

/** Counts of a run over several articles (a feed). */
interface Tally {
  saved: number;
  present: number;
  failed: number;
}

/**
 * Runs the ingest command: parses `argv`, reads the input, builds, checks and writes the
 * article(s), prints what was done on `io.stdout` and problems on `io.stderr`.
 *
 * @returns the exit code (0, 1 or 2; see the module comment).
 */
export async function runIngest(argv: string[], env: NodeJS.ProcessEnv, io: IngestIo): Promise<number> {
  const print = (lines: string[]) => io.stdout.write(`${lines.join('\n')}\n`);
  const fail = (message: string) => io.stderr.write(`ingest: ${message}\n`);
  let command;
  let newSource: Source | undefined;
  try {
    command = parseCommandLine(argv);
    if (!command.help && command.values['new-source'] !== undefined) newSource = parseNewSource(command.values['new-source']);
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof NewSourceError)) throw error;
    fail(`${error.message}\n${USAGE}`);
    return 2;
  }
  if (command.help) {
    print([HELP]);
    return 0;
  }
  const { values } = command;
  const local = localPath(env);
  const dataDir = values.data !== undefined ? local(values.data) : env.DATA_DIR?.trim() ? env.DATA_DIR : 'data';
  const spec: InputSpec = command.input === '-' ? { kind: 'stdin' } : isUrl(command.input) ? { kind: 'url', url: command.input } : { kind: 'file', path: local(command.input), shown: local(command.input) };
  const overrides: ArticleOverrides = {
    source: values.source ?? newSource?.id,
    title: values.title,
    published: values.published,
    url: values.url,
    id: values.id,
    language: values.language,
  };

  let sources: readonly Source[];
  let input: ReadInput;
  let index: DuplicateIndex;
  try {
    sources = withNewSource(await readSources(dataDir), newSource, dataDir);
    const named = overrides.source === undefined ? undefined : findSource(overrides.source, sources);
    const outletNames = named === undefined ? undefined : [named.name, named.short];
    input = await readInput(spec, { env, stdin: io.stdin, fetchItems: !values['no-fetch'], outletNames });
    index = await loadDuplicateIndex(dataDir);
  } catch (error) {
    if (!(error instanceof IngestError || error instanceof CorpusError || error instanceof NewSourceError)) throw error;
    fail(error.message);
    return 1;
  }

  const isFeed = input.format === 'feed';
  if (isFeed) {
    const oneArticle = ONE_ARTICLE_FLAGS.filter((f) => values[f] !== undefined);
    if (oneArticle.length > 0 && input.articles.length > 1) {
      fail(`${oneArticle.map((f) => `--${f}`).join(', ')} name${oneArticle.length === 1 ? 's' : ''} one article, but ${input.origin} is a feed of ${input.articles.length} items\n${USAGE}`);
      return 2;
    }
    print([`Feed ${input.origin}: ${input.articles.length} item${input.articles.length === 1 ? '' : 's'}`]);
    if (input.articles.length === 0) {
      fail(`${input.origin}: the feed has no items; nothing written`);
      return 1;
    }
  }

  const tally: Tally = { saved: 0, present: 0, failed: 0 };
  for (const [i, article] of input.articles.entries()) {
    if ('error' in article) {
      fail(article.error.message);
      tally.failed++;
      continue;
    }
    try {
      const built = buildFromExtracted(article.extracted, overrides, sources, article.origin);
      const encodingNote = i === 0 && input.encoding !== 'utf-8' ? [`input read as ${input.encoding}`] : [];
      const saved = await saveArticle({ ...built, notes: [...encodingNote, ...built.notes] }, index, {
        dataDir,
        origin: article.origin,
        replace: values.replace || values.force,
        dryRun: values['dry-run'],
        newSource,
      });
      print(describeResult(saved));
      tally.saved++;
    } catch (error) {
      if (isFeed && error instanceof DuplicateArticleError) {
        // Reading a feed again is how new items are picked up: the old ones are expected.
        print([`Skipped ${article.origin}: already in the corpus as "${error.existingId}"`]);
        tally.present++;
        continue;
      }
      if (!(error instanceof IngestError || error instanceof CorpusError || error instanceof NewSourceError)) throw error;
      fail(error.message);
      tally.failed++;
    }
  }
  if (isFeed) print([`Feed ${input.origin}: ${tally.saved} ${values['dry-run'] ? 'checked' : 'written'}, ${tally.present} already in the corpus, ${tally.failed} failed`]);
  return tally.failed === 0 ? 0 : 1;
}

/**
 * The sources the article is built against: those of the file, plus `--new-source` when it is
 * not there yet (it is written only with the article).
 */
function withNewSource(sources: Source[], newSource: Source | undefined, dataDir: string): readonly Source[] {
  return newSource === undefined ? sources : sourcesWith(sources, newSource, path.join(dataDir, 'sources.yaml'));
}
