/**
 * The Export button's files: every citation of an answer once, the articles' own words, as
 * Markdown and as CSV that a spreadsheet reads back exactly (and never runs as a formula).
 */
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import type { Answer, Citation } from '../../src/answers/types.js';
import { dispatch, type CommandName } from '../../src/commands/table.js';
import { loadEngine } from '../../src/load-engine.js';
import { CSV_COLUMNS, citationsCsv, citationsMarkdown, exportedCitations, type ExportedCitation } from '../../src/render/citations-export.js';

let seeds: Engine;
beforeAll(async () => {
  seeds = await loadEngine('data');
});

const ELLIPSIS = '…';
const paragraphText = (c: Citation) => seeds.kb.paragraph(c.articleId, c.paragraph)?.paragraph.text;
const bare = (excerpt: string) => excerpt.replace(/^…/u, '').replace(/…$/u, '');

const ASKED: ReadonlyArray<[CommandName, string]> = [
  ['ask', 'Qui a annoncé l’envoi de sapeurs ?'],
  ['compare', 'sapeurs nord-coréens'],
  ['who', 'Choïgou'],
  ['when', 'visite de Choïgou à Pyongyang'],
  ['quotes', ''],
  ['check', 'Kim Jong Un a envoyé 1 000 sapeurs et 5 000 ouvriers'],
];

describe('GIVEN answers of every kind over the seeds', () => {
  it.each(ASKED)('WHEN /%s %s is exported THEN each citation is the article’s own words, once, with its outlet, title, date and paragraph', (command, query) => {
    const answer = dispatch(seeds, command, query);
    const rows = exportedCitations(answer);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(paragraphText(row.citation), `${row.citation.articleId} ¶${row.citation.paragraph}`).toContain(bare(row.excerpt));
      const article = seeds.corpus.articles.find((a) => a.id === row.citation.articleId);
      expect(row.citation).toMatchObject({ title: article?.title, published: article?.published, outlet: expect.any(String) });
    }
    const keys = rows.map((r) => `${r.citation.articleId} ${r.citation.paragraph} ${bare(r.excerpt)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('WHEN /compare is exported THEN every excerpt the answer holds is in the file, beyond its first page', () => {
    const answer = dispatch(seeds, 'compare', 'sapeurs nord-coréens') as Answer & { kind: 'compare' };
    const held = new Set<string>();
    const walk = (v: unknown): void => {
      if (typeof v !== 'object' || v === null) return;
      const e = v as { citation?: Citation; text?: unknown };
      if (e.citation && typeof e.text === 'string') held.add(`${e.citation.articleId} ${e.citation.paragraph} ${e.text}`);
      else for (const child of Object.values(v)) walk(child);
    };
    walk(answer);
    expect(new Set(exportedCitations(answer).map((r) => `${r.citation.articleId} ${r.citation.paragraph} ${bare(r.excerpt)}`))).toEqual(held);
  });

  it('WHEN an answer has no excerpt (/help) THEN there is nothing to export', () => {
    expect(exportedCitations(dispatch(seeds, 'help', ''))).toEqual([]);
  });
});

const citation: Citation = {
  sourceId: 'gazette',
  outlet: 'QG',
  outletName: 'Quiet *Gazette*',
  articleId: '2025-06-17-qg-ponts',
  title: 'Ponts, "digues" et [crues]',
  published: '2025-06-17',
  paragraph: 4,
  url: 'https://gazette.example/ponts?x=1,2',
};
const rows: ExportedCitation[] = [
  { citation, excerpt: '« Nous reconstruirons », a dit le maire, 12 000 € à l’appui…' },
  { citation: { ...citation, paragraph: 5, url: undefined }, excerpt: '=SOMME(A1:A9) ne figure pas ; - 5 % selon la ville' },
  { citation: { ...citation, paragraph: 6 }, excerpt: '@maire a répondu\net la ligne suivante' },
];

describe('GIVEN citations with quotes, commas, line breaks and text a spreadsheet would run', () => {
  it('THEN the CSV reads back to exactly the rows, with a header, and no cell starts a formula', () => {
    const csv = citationsCsv(rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const records = parse(csv.slice(1), { relax_column_count: false }) as string[][];
    expect(records[0]).toEqual([...CSV_COLUMNS]);
    expect(records).toHaveLength(rows.length + 1);
    const byColumn = (r: string[]) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]]));
    expect(byColumn(records[1] as string[])).toEqual({
      outlet: 'QG',
      outlet_name: 'Quiet *Gazette*',
      title: 'Ponts, "digues" et [crues]',
      published: '2025-06-17',
      paragraph: '4',
      url: 'https://gazette.example/ponts?x=1,2',
      article_id: '2025-06-17-qg-ponts',
      excerpt: '« Nous reconstruirons », a dit le maire, 12 000 € à l’appui…',
    });
    expect(byColumn(records[2] as string[]).excerpt).toBe("'=SOMME(A1:A9) ne figure pas ; - 5 % selon la ville");
    expect(byColumn(records[2] as string[]).url).toBe('');
    expect(byColumn(records[3] as string[]).excerpt).toBe("'@maire a répondu\net la ligne suivante");
    for (const record of records) for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/u);
  });

  it('THEN the Markdown quotes each excerpt as written, escapes what Markdown would format, links the title, and names the question', () => {
    const md = citationsMarkdown(rows, { command: 'comparer', query: 'ponts *et* digues', locale: 'fr' });
    expect(md.split('\n')[0]).toBe('# /comparer ponts \\*et\\* digues');
    expect(md).toContain('> « Nous reconstruirons », a dit le maire, 12 000 € à l’appui…');
    expect(md).toContain('> — Quiet \\*Gazette\\* (QG), [Ponts, "digues" et \\[crues\\]](<https://gazette.example/ponts?x=1,2>), 17 juin 2025, ¶4');
    // Without an address the title is plain text; a line break of the excerpt stays inside the quotation.
    expect(md).toContain('> — Quiet \\*Gazette\\* (QG), Ponts, "digues" et \\[crues\\], 17 juin 2025, ¶5');
    expect(md).toContain('> @maire a répondu\n> et la ligne suivante');
    expect(md.endsWith('\n')).toBe(true);
    expect(md).not.toContain(`${ELLIPSIS}${ELLIPSIS}`);
  });

  it('THEN English dates follow the reader’s language', () => {
    expect(citationsMarkdown(rows.slice(0, 1), { command: 'compare', query: '', locale: 'en' })).toMatch(/^# \/compare\n[\s\S]*17 June 2025, ¶4\n$/u);
  });
});
