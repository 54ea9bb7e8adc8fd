/**
 * A SQuAD file as a recoupe corpus, built through the real ingest (`buildArticle`: cleaning,
 * metadata, validation by round trip), so a benchmark measures the path real articles take.
 * Each SQuAD article becomes one article whose paragraphs are its contexts, in order.
 */
import { buildArticle, slugify } from '../../src/corpus/ingest.js';
import type { Article, Corpus, Source } from '../../src/corpus/types.js';
import type { SquadFile } from './squad.js';

/** The synthetic outlet every SQuAD article is cited from. */
export const SQUAD_SOURCE: Source = {
  id: 'piaf',
  name: 'PIAF question-answering set',
  short: 'PIAF',
  kind: 'question-answering data set',
  ownership: 'Etalab / DINUM',
  color: '#000091',
};

/** Publication date given to every article (SQuAD has none; the date only matters for relative dates). */
export const SQUAD_PUBLISHED = '2020-01-01';

/** Where a context ended up in the corpus. */
export interface ContextPlacement {
  readonly articleId: string;
  /** `paragraph.n` of every corpus paragraph cut from this context (one when cleaning kept it whole). */
  readonly paragraphs: readonly number[];
}

/** The corpus and the way back from SQuAD positions to paragraphs. */
export interface SquadCorpus {
  readonly corpus: Corpus;
  /** `placements[article][paragraph]`. */
  readonly placements: readonly (readonly ContextPlacement[])[];
  /** Contexts the cleaning did not keep as exactly one paragraph (surrounding white space aside). */
  readonly altered: readonly string[];
}

/**
 * Ingests every SQuAD article: its contexts joined by blank lines (one block, one paragraph),
 * the SQuAD title and {@link SQUAD_SOURCE} as overrides. Cleaning only ever keeps verbatim slices
 * of its input, so each kept paragraph is located in the raw text to find the context it came
 * from; contexts it dropped, split or trimmed of more than white space are reported in `altered`.
 */
export function squadCorpus(file: SquadFile): SquadCorpus {
  const articles: Article[] = [];
  const placements: ContextPlacement[][] = [];
  const altered: string[] = [];
  file.data.forEach((squad, a) => {
    const contexts = squad.paragraphs.map((p) => p.context);
    const raw = contexts.join('\n\n');
    const id = `piaf-${a + 1}-${slugify(squad.title)}`.replace(/-+$/, '');
    const built = buildArticle(raw, { source: SQUAD_SOURCE.id, title: squad.title.trim() || `PIAF ${a + 1}`, published: SQUAD_PUBLISHED, id }, [SQUAD_SOURCE], `${squad.title} (data[${a}])`);
    const { meta, paragraphs } = built.doc;
    articles.push({ ...meta, paragraphs, file: `squad/${a}` });
    // Context c occupies raw[starts[c], starts[c] + length).
    const starts: number[] = [];
    contexts.reduce((at, c) => (starts.push(at), at + c.length + 2), 0);
    const byContext = contexts.map(() => [] as number[]);
    let cursor = 0;
    for (const p of paragraphs) {
      const at = raw.indexOf(p.text, cursor);
      if (at < 0) throw new Error(`bench: paragraph ${p.n} of ${id} is not a slice of its input; cleaning broke its promise`);
      cursor = at + p.text.length;
      const c = starts.findLastIndex((s) => s <= at);
      byContext[c]?.push(p.n);
    }
    placements.push(byContext.map((ns) => ({ articleId: meta.id, paragraphs: ns })));
    byContext.forEach((ns, c) => {
      const text = contexts[c] ?? '';
      const kept = ns.map((n) => paragraphs[n - 1]?.text);
      if (ns.length !== 1 || kept[0] !== text.trim()) altered.push(`${squad.title} (data[${a}].paragraphs[${c}]): kept as ${ns.length} paragraph(s)${ns.length === 1 ? ', text changed' : ''}`);
    });
  });
  return { corpus: { sources: [SQUAD_SOURCE], articles, aliases: [] }, placements, altered };
}
