/**
 * The on-disk format of one article, `data/articles/<id>.md`:
 *
 * ```md
 * ---
 * id: 2025-06-17-afp-exemple
 * source: afp
 * title: Un titre
 * published: 2025-06-17
 * language: fr
 * ---
 *
 * Premier paragraphe, exactement comme publié.
 *
 * ## Un intertitre
 *
 * Deuxième paragraphe, sous l'intertitre.
 * ```
 *
 * Optional front-matter keys: `url`, `dateline` (the place the report was filed from) and
 * `syndication_of` (the id of the article whose text this one republishes); `schema.ts` has them all.
 *
 * Body rules:
 * - blocks are separated by one or more blank lines; a block is one paragraph, kept verbatim
 *   (it may span several lines: the line breaks are part of the text, nothing is re-wrapped);
 * - a block that is a single line `## Heading` is a subheading, not a paragraph: the paragraphs
 *   after it carry `heading`; `paragraph.n` counts paragraphs only, from 1;
 * - **escape rule**: a paragraph line whose first character is `\` or `#`, or that starts with
 *   `---`, is written with one extra leading `\`, and the parser removes exactly one leading `\`
 *   from every paragraph line that has one. So text such as `# 1 en France` or `--- fin ---`
 *   round-trips, and a Markdown viewer shows it as text rather than a heading or a rule. An
 *   unescaped `#` or `---` line in the body is refused (it is a hand edit that would be misread).
 *
 * `serialiseArticleFile(parseArticleFile(x)) === x` for every file this module writes (the
 * canonical form: keys in {@link FRONT_MATTER_KEYS} order, one blank line between blocks, final
 * newline), and `parseArticleFile(serialiseArticleFile(doc))` gives `doc` back.
 */
import { parseDocument, stringify } from 'yaml';
import { articleFrontMatterSchema, describeIssue, FRONT_MATTER_KEYS, type ArticleFrontMatter } from './schema.js';
import type { Paragraph } from './types.js';

/** An article file's content: validated front matter plus numbered paragraphs. */
export interface ArticleDocument {
  readonly meta: ArticleFrontMatter;
  readonly paragraphs: readonly Paragraph[];
}

/**
 * A problem in one article file's text or front matter. `load.ts` adds the file name; `field` is
 * the front-matter key or `body`, `line` the 1-based line in the file when known.
 */
export class ArticleFileError extends Error {
  override readonly name = 'ArticleFileError';
  constructor(
    readonly field: string | undefined,
    readonly detail: string,
    readonly line?: number,
  ) {
    super(`${field === undefined ? '' : `field "${field}": `}${line === undefined ? '' : `line ${line}: `}${detail}`);
  }
}

const FENCE = '---';
const HEADING = /^## (\S(?:.*\S)?)$/;
const BLANK = /^[ \t]*$/;

/** A paragraph line needs escaping when a reader would otherwise take it for markup. */
function needsEscape(line: string): boolean {
  return line.startsWith('\\') || line.startsWith('#') || line.startsWith(FENCE);
}

/**
 * Parses and validates one article file.
 *
 * @throws {ArticleFileError} on a missing or malformed front matter, a front-matter field that
 *   fails {@link articleFrontMatterSchema}, a misplaced `#`/`---` line, a heading with no
 *   paragraph under it, or a body without paragraphs.
 */
export function parseArticleFile(text: string): ArticleDocument {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0] !== FENCE) throw new ArticleFileError(undefined, `expected the file to start with a "${FENCE}" line (front matter)`, 1);
  const close = lines.indexOf(FENCE, 1);
  if (close < 0) throw new ArticleFileError(undefined, `front matter is not closed by a "${FENCE}" line`, 1);
  return { meta: parseFrontMatter(lines.slice(1, close).join('\n')), paragraphs: parseBody(lines, close + 1) };
}

function parseFrontMatter(yamlText: string): ArticleFrontMatter {
  const doc = parseDocument(yamlText);
  const yamlError = doc.errors[0];
  if (yamlError) {
    // +1: the YAML starts on the line after the opening fence.
    const line = yamlError.linePos?.[0].line;
    throw new ArticleFileError(undefined, `invalid YAML front matter: ${yamlError.message.split('\n')[0]}`, line === undefined ? undefined : line + 1);
  }
  const data: unknown = doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new ArticleFileError(undefined, 'front matter must be a YAML mapping of key: value lines', 2);
  const result = articleFrontMatterSchema.safeParse(data);
  if (!result.success) {
    const { field, message } = describeIssue(result.error);
    throw new ArticleFileError(field, message);
  }
  return result.data;
}

function parseBody(lines: readonly string[], first: number): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let heading: string | undefined;
  let headingLine = 0;
  let headingUsed = true;
  for (const block of blocks(lines, first)) {
    const only = block.lines.length === 1 ? block.lines[0] : undefined;
    const h = only === undefined ? null : HEADING.exec(only);
    if (h?.[1]) {
      if (!headingUsed) throw new ArticleFileError('body', `heading "${heading}" has no paragraph under it`, headingLine);
      [heading, headingLine, headingUsed] = [h[1], block.line, false];
      continue;
    }
    const text = block.lines.map((line, i) => unescapeLine(line, block.line + i)).join('\n');
    if (text.trim() !== text) throw new ArticleFileError('body', 'a paragraph may not start or end with spaces', block.line);
    paragraphs.push(heading === undefined ? { n: paragraphs.length + 1, text } : { n: paragraphs.length + 1, text, heading });
    headingUsed = true;
  }
  if (!headingUsed) throw new ArticleFileError('body', `heading "${heading}" has no paragraph under it`, headingLine);
  if (paragraphs.length === 0) throw new ArticleFileError('body', 'the article has no paragraphs');
  return paragraphs;
}

function unescapeLine(line: string, lineNo: number): string {
  if (line.startsWith('\\')) return line.slice(1);
  if (line.startsWith('#')) {
    throw new ArticleFileError('body', 'a line starting with "#" must be a "## Heading" alone between blank lines; if it is paragraph text, write it as "\\#…"', lineNo);
  }
  if (line.startsWith(FENCE)) throw new ArticleFileError('body', 'a paragraph line starting with "---" must be escaped as "\\---"', lineNo);
  return line;
}

/** Runs of non-blank lines, each with the 1-based line number of its first line. */
function* blocks(lines: readonly string[], first: number): Generator<{ line: number; lines: string[] }> {
  let current: { line: number; lines: string[] } | undefined;
  for (let i = first; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (BLANK.test(line)) {
      if (current) yield current;
      current = undefined;
    } else if (current) current.lines.push(line);
    else current = { line: i + 1, lines: [line] };
  }
  if (current) yield current;
}

/**
 * Writes an article file in canonical form (see the module comment).
 *
 * @throws {ArticleFileError} when the content cannot be represented: a paragraph with a blank
 *   line inside or surrounding spaces, a multi-line heading, or a paragraph without heading after
 *   one with a heading (the format has no way to close a section).
 */
export function serialiseArticleFile(doc: ArticleDocument): string {
  const meta: Record<string, string> = {};
  for (const key of FRONT_MATTER_KEYS) {
    const value = doc.meta[key];
    if (value !== undefined) meta[key] = value;
  }
  // lineWidth 0: never fold a long title over several lines.
  const out = [FENCE, stringify(meta, { lineWidth: 0 }).trimEnd(), FENCE];
  let heading: string | undefined;
  if (doc.paragraphs.length === 0) throw new ArticleFileError('body', 'the article has no paragraphs');
  doc.paragraphs.forEach((p, i) => {
    if (p.heading !== heading) {
      if (p.heading === undefined) throw new ArticleFileError('body', `paragraph ${i + 1} has no heading but follows one under "${heading}"`);
      if (!HEADING.test(`## ${p.heading}`)) throw new ArticleFileError('body', `heading ${JSON.stringify(p.heading)} must be one line without surrounding spaces`);
      out.push('', `## ${p.heading}`);
      heading = p.heading;
    }
    const lines = p.text.split('\n');
    if (p.text.trim() !== p.text || p.text === '') throw new ArticleFileError('body', `paragraph ${i + 1} is empty or starts or ends with spaces`);
    if (p.text.includes('\r')) throw new ArticleFileError('body', `paragraph ${i + 1} contains a carriage return (files use \\n line ends)`);
    if (lines.some((line) => BLANK.test(line))) throw new ArticleFileError('body', `paragraph ${i + 1} contains a blank line`);
    out.push('', ...lines.map((line) => (needsEscape(line) ? `\\${line}` : line)));
  });
  return `${out.join('\n')}\n`;
}
