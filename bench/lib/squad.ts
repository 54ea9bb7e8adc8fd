/**
 * Reading SQuAD 1.1 files (PIAF uses the same format): articles with titles, paragraphs with a
 * context, questions with one or more answers given as text and offset into the context.
 */
import { readFile } from 'node:fs/promises';

/** One answer of a question: the exact text and where it starts in the context. */
export interface SquadAnswer {
  readonly text: string;
  readonly answer_start: number;
}

/** One question on a paragraph. */
export interface SquadQuestion {
  readonly id: string;
  readonly question: string;
  readonly answers: readonly SquadAnswer[];
}

/** One paragraph (`context`) and the questions asked on it. */
export interface SquadParagraph {
  readonly context: string;
  readonly qas: readonly SquadQuestion[];
}

/** One article: a title and its paragraphs. */
export interface SquadArticle {
  readonly title: string;
  readonly paragraphs: readonly SquadParagraph[];
}

/** A whole SQuAD 1.1 file. */
export interface SquadFile {
  readonly version: string;
  readonly data: readonly SquadArticle[];
}

/** One question with where its gold paragraph stands: `data[article].paragraphs[paragraph]`. */
export interface SquadItem extends SquadQuestion {
  readonly article: number;
  readonly paragraph: number;
}

/** A file that is not SQuAD 1.1; the message names the file and the first bad path. */
export class SquadFormatError extends Error {
  override readonly name = 'SquadFormatError';
}

/**
 * Reads and checks a SQuAD 1.1 file. Only the fields the benchmarks use are checked; extra
 * fields (`is_impossible`, ids on paragraphs…) are ignored.
 *
 * @throws {SquadFormatError} naming the file and the first field that does not fit.
 */
export async function readSquad(file: string): Promise<SquadFile> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new SquadFormatError(`${file}: cannot read as JSON (${(error as Error).message})`);
  }
  return checkSquad(parsed, file);
}

/** Checks already-parsed JSON against the SQuAD 1.1 shape (see {@link readSquad}). */
export function checkSquad(value: unknown, origin = 'SQuAD data'): SquadFile {
  const fail = (where: string, what: string): never => {
    throw new SquadFormatError(`${origin}: ${where}: expected ${what}`);
  };
  const root = value as { version?: unknown; data?: unknown };
  if (typeof root !== 'object' || root === null || !Array.isArray(root.data)) fail('data', 'an array of articles');
  (root.data as unknown[]).forEach((a, i) => {
    const article = a as { title?: unknown; paragraphs?: unknown };
    if (typeof article?.title !== 'string') fail(`data[${i}].title`, 'a string');
    if (!Array.isArray(article.paragraphs)) fail(`data[${i}].paragraphs`, 'an array');
    (article.paragraphs as unknown[]).forEach((p, j) => {
      const paragraph = p as { context?: unknown; qas?: unknown };
      const at = `data[${i}].paragraphs[${j}]`;
      if (typeof paragraph?.context !== 'string') fail(`${at}.context`, 'a string');
      if (!Array.isArray(paragraph.qas)) fail(`${at}.qas`, 'an array');
      (paragraph.qas as unknown[]).forEach((q, k) => {
        const qa = q as { id?: unknown; question?: unknown; answers?: unknown };
        if (typeof qa?.question !== 'string') fail(`${at}.qas[${k}].question`, 'a string');
        if (!Array.isArray(qa.answers) || !qa.answers.every((x: { text?: unknown }) => typeof x?.text === 'string')) fail(`${at}.qas[${k}].answers`, 'an array of { text }');
      });
    });
  });
  return { version: typeof root.version === 'string' ? root.version : '', data: root.data as SquadArticle[] };
}

/** Every question of the file in file order, with the position of its gold paragraph. */
export function squadItems(file: SquadFile): SquadItem[] {
  const out: SquadItem[] = [];
  file.data.forEach((article, a) =>
    article.paragraphs.forEach((paragraph, p) => {
      for (const qa of paragraph.qas) out.push({ ...qa, id: String(qa.id), article: a, paragraph: p });
    }),
  );
  return out;
}
