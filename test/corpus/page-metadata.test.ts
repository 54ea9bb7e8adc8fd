import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarDate, readPageMetadata } from '../../src/corpus/page-metadata.js';

const page = (name: string) => readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8');
const head = (inner: string, htmlAttrs = '') => `<!doctype html><html${htmlAttrs}><head>${inner}</head><body><p>Texte.</p></body></html>`;
const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('GIVEN the saved pages', () => {
  it.each([
    ['wire-agency.html', { title: 'Rail : la Banque lagunaire de développement accorde 120 milliards FCFA à la ligne Abidjan-Bobo', published: '2025-06-18', outlet: "Agence lagunaire d'information", language: 'fr', canonicalUrl: 'https://www.ali-info.example/economie/rail-pret-120-milliards-ligne-abidjan-bobo-18062025' }],
    ['regional-daily.html', { published: '2025-06-18', author: 'Jeanne Morel', outlet: "L'Écho de la Vallée", language: 'fr', description: 'Plus de 200 habitants ont quitté leur logement dans la nuit de mardi à mercredi.' }],
    ['national-daily-paywall.html', { published: '2025-06-18', author: 'Claire Vasseur, Mathieu Roux', outlet: 'Le Quotidien national' }],
    ['broadcaster.html', { published: '2025-06-18', outlet: 'Radio Horizon Info', language: 'fr' }],
    ['african-wordpress.html', { title: 'Port de Cotonou : le guichet unique généralisé dès le 1er juillet', published: '2025-06-18', author: 'Rédaction', outlet: 'Le Matinal du Golfe', language: 'fr' }],
    ['syndicated-copy.html', { title: "Côte d'Ivoire : 120 milliards FCFA pour moderniser la ligne Abidjan-Bobo", outlet: 'Le Courrier du Plateau', published: '2025-06-18' }],
  ])('WHEN %s is read THEN its metadata is %o', (file, expected) => {
    expect(readPageMetadata(page(file))).toMatchObject(expected);
  });

  it('WHEN a page has no structured metadata THEN the fields are absent, never empty strings', () => {
    expect(readPageMetadata('<html><body><p>Rien.</p></body></html>')).toEqual({});
  });
});

describe('GIVEN JSON-LD', () => {
  it('WHEN the article sits in an @graph beside a WebPage THEN the article object is read, the WebPage only as a fallback', () => {
    const html = head(ld({ '@graph': [{ '@type': 'WebPage', name: 'Page', datePublished: '2020-01-01' }, { '@type': 'NewsArticle', headline: 'Le vrai titre', datePublished: '2025-06-18T10:00:00Z' }] }));
    expect(readPageMetadata(html)).toMatchObject({ title: 'Le vrai titre', published: '2025-06-18' });
  });

  it('WHEN @type is an array or a schema.org URL THEN it is still recognised', () => {
    expect(readPageMetadata(head(ld({ '@type': ['ReportageNewsArticle'], headline: 'A' }))).title).toBe('A');
    expect(readPageMetadata(head(ld({ '@type': 'https://schema.org/NewsArticle', headline: 'B' }))).title).toBe('B');
  });

  it('WHEN a JSON-LD block is malformed THEN it is skipped and the other sources are read', () => {
    const html = head(`<script type="application/ld+json">{ "@type": "NewsArticle", </script><meta property="og:title" content="Titre OG">`);
    expect(readPageMetadata(html).title).toBe('Titre OG');
  });

  it('WHEN JSON-LD and Open Graph disagree THEN JSON-LD wins, field by field', () => {
    const html = head(`${ld({ '@type': 'NewsArticle', headline: 'Titre LD' })}<meta property="og:title" content="Titre OG"><meta property="og:site_name" content="Le Site">`);
    expect(readPageMetadata(html)).toMatchObject({ title: 'Titre LD', outlet: 'Le Site' });
  });

  it('WHEN authors are persons, strings and URLs THEN the names are kept, the URLs dropped', () => {
    const html = head(ld({ '@type': 'NewsArticle', author: [{ '@type': 'Person', name: 'Awa Koné' }, 'Jean Dupont', 'https://site.example/auteur/x'] }));
    expect(readPageMetadata(html).author).toBe('Awa Koné, Jean Dupont');
  });
});

describe('GIVEN Open Graph and <meta> only', () => {
  it('WHEN <title> carries the outlet as a suffix THEN it is removed', () => {
    const html = head('<title>Un titre - Le Journal</title><meta property="og:site_name" content="Le Journal">');
    expect(readPageMetadata(html).title).toBe('Un titre');
  });

  it('WHEN the language comes from og:locale or <html lang> THEN it is its primary subtag in lower case', () => {
    expect(readPageMetadata(head('<meta property="og:locale" content="fr_FR">')).language).toBe('fr');
    expect(readPageMetadata(head('', ' lang="EN-gb"')).language).toBe('en');
  });

  it('WHEN the canonical link is relative THEN it is resolved against the page address, or dropped without one', () => {
    const html = head('<link rel="canonical" href="/a/b.html">');
    expect(readPageMetadata(html, 'https://journal.example/x/y').canonicalUrl).toBe('https://journal.example/a/b.html');
    expect(readPageMetadata(html).canonicalUrl).toBeUndefined();
  });

  it('WHEN article:author is a profile URL THEN it is not an author', () => {
    expect(readPageMetadata(head('<meta property="article:author" content="https://facebook.com/journal">')).author).toBeUndefined();
  });
});

describe('calendarDate', () => {
  it.each([
    ['2025-06-18', '2025-06-18'],
    // The publisher's own day: 00:30 in Paris is still the 18th there.
    ['2025-06-18T00:30:00+02:00', '2025-06-18'],
    ['2025-06-18 23:59', '2025-06-18'],
    ['Wed, 18 Jun 2025 09:20:41 +0000', '2025-06-18'],
    ['Tue, 17 Jun 2025 23:45:00 -0100', '2025-06-17'],
    ['18 June 2025', '2025-06-18'],
    ['18/06/2025', '2025-06-18'],
  ])('WHEN %s is read THEN it is %s', (input, expected) => {
    expect(calendarDate(input)).toBe(expected);
  });

  it.each(['2025-02-30', 'hier', '', '18 Foo 2025', '2025/06/18x'])('WHEN %o is read THEN there is no date', (input) => {
    expect(calendarDate(input)).toBeUndefined();
  });
});
