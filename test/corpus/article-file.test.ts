import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArticleFileError, parseArticleFile, serialiseArticleFile, type ArticleDocument } from '../../src/corpus/article-file.js';

const FILE = `---
id: 2025-06-17-afp-exemple
source: afp
title: "Corée du Nord : des sapeurs pour Koursk"
published: 2025-06-17
language: fr
dateline: Moscou, Russie
---

Moscou a annoncé mardi que Pyongyang allait envoyer des sapeurs.

"Cinq mille personnes", a déclaré M. Choïgou.

## Accord de défense mutuelle

La Corée du Nord fournit des armes.

Les deux pays ont signé un accord.
`;

function errorOf(text: string): ArticleFileError {
  try {
    parseArticleFile(text);
  } catch (error) {
    if (error instanceof ArticleFileError) return error;
    throw error;
  }
  throw new Error('expected parseArticleFile to throw');
}

describe('parseArticleFile', () => {
  it('GIVEN front matter and a body WHEN parsed THEN paragraphs are numbered from 1 and headings are not paragraphs', () => {
    const doc = parseArticleFile(FILE);
    expect(doc.meta).toEqual({
      id: '2025-06-17-afp-exemple',
      source: 'afp',
      title: 'Corée du Nord : des sapeurs pour Koursk',
      published: '2025-06-17',
      language: 'fr',
      dateline: 'Moscou, Russie',
    });
    expect(doc.paragraphs.map((p) => [p.n, p.heading])).toEqual([
      [1, undefined],
      [2, undefined],
      [3, 'Accord de défense mutuelle'],
      [4, 'Accord de défense mutuelle'],
    ]);
    expect(doc.paragraphs[1]?.text).toBe('"Cinq mille personnes", a déclaré M. Choïgou.');
  });

  it('keeps the line breaks of a paragraph that spans several lines', () => {
    const doc = parseArticleFile(FILE.replace('des sapeurs.', 'des\nsapeurs.'));
    expect(doc.paragraphs[0]?.text).toBe('Moscou a annoncé mardi que Pyongyang allait envoyer des\nsapeurs.');
  });

  it('names the field of an invalid front-matter value', () => {
    const error = errorOf(FILE.replace('published: 2025-06-17', 'published: 2025-13-01'));
    expect(error.field).toBe('published');
    expect(error.message).toBe('field "published": expected a date YYYY-MM-DD, got "2025-13-01"');
  });

  it('refuses a file without front matter', () => {
    expect(errorOf('Juste du texte.\n').message).toContain('front matter');
  });

  it('refuses a body without paragraphs', () => {
    expect(errorOf(FILE.slice(0, FILE.indexOf('Moscou a'))).field).toBe('body');
  });

  it('refuses a heading with no paragraph under it', () => {
    expect(errorOf(`${FILE}\n## Intertitre orphelin\n`).message).toContain('has no paragraph under it');
  });

  it('refuses an unescaped "#" line and says how to escape it', () => {
    const error = errorOf(FILE.replace('La Corée du Nord', '# La Corée du Nord'));
    expect(error.field).toBe('body');
    expect(error.line).toBe(16);
    expect(error.message).toContain('\\#');
  });
});

describe('serialiseArticleFile', () => {
  it('GIVEN a canonical file WHEN parsed and written again THEN the text is identical', () => {
    expect(serialiseArticleFile(parseArticleFile(FILE))).toBe(FILE);
  });

  it('escapes paragraph lines that start with "#", "---" or "\\" so they round-trip as text', () => {
    const doc: ArticleDocument = {
      meta: { id: 'x', source: 'afp', title: 'T', published: '2025-06-17', language: 'fr' },
      paragraphs: [
        { n: 1, text: '# 1 en France' },
        { n: 2, text: '--- fin ---' },
        { n: 3, text: '\\ barre' },
        { n: 4, text: '## Pas un intertitre', heading: 'Vrai intertitre' },
      ],
    };
    const text = serialiseArticleFile(doc);
    expect(text).toContain('\n\\# 1 en France\n');
    expect(text).toContain('\n\\--- fin ---\n');
    expect(text).toContain('\n\\\\ barre\n');
    expect(parseArticleFile(text)).toEqual(doc);
  });

  it('refuses a paragraph with a blank line inside, which the format cannot hold', () => {
    const doc: ArticleDocument = {
      meta: { id: 'x', source: 'afp', title: 'T', published: '2025-06-17', language: 'fr' },
      paragraphs: [{ n: 1, text: 'Un.\n\nDeux.' }],
    };
    expect(() => serialiseArticleFile(doc)).toThrow(ArticleFileError);
  });

  it('refuses a paragraph without heading after one with a heading', () => {
    const doc: ArticleDocument = {
      meta: { id: 'x', source: 'afp', title: 'T', published: '2025-06-17', language: 'fr' },
      paragraphs: [
        { n: 1, text: 'Un.', heading: 'H' },
        { n: 2, text: 'Deux.' },
      ],
    };
    expect(() => serialiseArticleFile(doc)).toThrow(/cannot close a section|follows one under "H"/);
  });

  it('round-trips any paragraph text the format can hold', () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'é', ' ', '#', '-', '\\', '"', ':', '«', '\u00a0', 'x'), minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '');
    const paragraph = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')).filter((t) => t.trim() === t && t !== '');
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 5 }), fc.option(fc.constantFrom('Intertitre', '# Titre'), { nil: undefined }), (texts, heading) => {
        const doc: ArticleDocument = {
          meta: { id: 'x', source: 'afp', title: '# titre: "cité"', published: '2025-06-17', language: 'fr' },
          paragraphs: texts.map((text, i) => (heading === undefined ? { n: i + 1, text } : { n: i + 1, text, heading })),
        };
        const text = serialiseArticleFile(doc);
        expect(parseArticleFile(text)).toEqual(doc);
        expect(serialiseArticleFile(parseArticleFile(text))).toBe(text);
      }),
    );
  });
});
