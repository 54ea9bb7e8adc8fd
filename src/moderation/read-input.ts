/**
 * From what a moderator gave (an attachment's bytes, a page address, pasted text) to an extracted
 * article, through the ingest's own steps: `decode.ts` (encodings, binary and oversized input
 * refused), `input-format.ts`, `extract.ts`, and the guarded `fetch.ts` for addresses. A feed is
 * refused: `/article add` publishes one article at a time.
 */
import { DecodeError, decodeInputWithEncoding } from '../corpus/decode.js';
import { extractFromArticleFile, extractFromHtml, extractFromText, type ExtractedArticle } from '../corpus/extract.js';
import { FetchError, fetchUrl } from '../corpus/fetch.js';
import { IngestError } from '../corpus/ingest-error.js';
import { detectFormat } from '../corpus/input-format.js';
import { ModerationError, type ArticleInput } from './types.js';

/** An input read and extracted, and how messages name it. */
export interface ReadArticle {
  readonly origin: string;
  readonly extracted: ExtractedArticle;
}

/** Options of {@link readArticleInput}. */
export interface ReadOptions {
  /** Where the fetch's test-only allow list is read (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Names of the outlet the moderator gave: in plain text, a line that is only one is removed. */
  readonly outletNames?: readonly string[];
}

/** Reads and extracts one input. Throws {@link ModerationError} (`too-large`, `bad-type`, `fetch-failed`, `empty`, `bad-input`). */
export async function readArticleInput(input: ArticleInput, options: ReadOptions = {}): Promise<ReadArticle> {
  if (input.kind === 'text') {
    if (input.text.trim() === '') throw new ModerationError('empty');
    return { origin: 'pasted text', extracted: extractOrRefuse(() => extractFromText(input.text, { outletNames: options.outletNames ?? [] })) };
  }
  const { origin, bytes, contentType, pageUrl } = input.kind === 'file' ? { origin: input.name, bytes: input.bytes, contentType: input.contentType, pageUrl: undefined } : await fetchPage(input.url, options);
  let text: string;
  try {
    text = decodeInputWithEncoding(bytes, origin).text;
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    throw new ModerationError(error.code === 'too-large' ? 'too-large' : error.code === 'empty' ? 'empty' : 'bad-type', error.message);
  }
  const format = detectFormat(text, contentType);
  if (format === 'feed') throw new ModerationError('bad-input', `${origin} is a feed: give the address or file of one article`);
  const extracted = extractOrRefuse(() =>
    format === 'article-file' ? extractFromArticleFile(text, origin) : format === 'html' ? extractFromHtml(text, origin, pageUrl) : extractFromText(text, { outletNames: options.outletNames ?? [] }),
  );
  return { origin, extracted };
}

async function fetchPage(url: string, options: ReadOptions): Promise<{ origin: string; bytes: Uint8Array; contentType?: string; pageUrl: string }> {
  try {
    const fetched = await fetchUrl(url, { env: options.env ?? process.env });
    return { origin: url, bytes: fetched.bytes, pageUrl: fetched.finalUrl, ...(fetched.contentType ? { contentType: fetched.contentType } : {}) };
  } catch (error) {
    if (error instanceof FetchError) throw new ModerationError(error.code === 'too-large' ? 'too-large' : error.code === 'bad-content-type' ? 'bad-type' : 'fetch-failed', error.message);
    throw error;
  }
}

function extractOrRefuse(extract: () => ExtractedArticle): ExtractedArticle {
  try {
    const extracted = extract();
    if (extracted.paragraphs.length === 0) throw new ModerationError('empty', `no article text left after cleaning (${extracted.removed.length} pieces removed)`);
    return extracted;
  } catch (error) {
    if (error instanceof IngestError) throw new ModerationError('bad-input', error.message);
    throw error;
  }
}
