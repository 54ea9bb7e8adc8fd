import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedParseError, isFeed, parseFeed } from '../../src/corpus/feed.js';

const feed = (name: string) => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');

describe('GIVEN an RSS 2.0 feed (WordPress-shaped)', () => {
  const items = parseFeed(feed('rss.xml'));

  it('WHEN parsed THEN there is one item per <item>, in order, with link, title and the day as written', () => {
    expect(items.map((i) => [i.link, i.title, i.published])).toEqual([
      ['https://lematinaldugolfe.example/2025/06/18/port-de-cotonou-le-guichet-unique-generalise-des-le-1er-juillet/', 'Port de Cotonou : le guichet unique généralisé dès le 1er juillet', '2025-06-18'],
      // 23:45 at -01:00 is the 18th in UTC; the publisher's day is the 17th.
      ['https://lematinaldugolfe.example/2025/06/18/cnss/', 'CNSS : les pensions revalorisées de 5 %', '2025-06-17'],
      // No <link>: the guid is a permalink by default.
      ['https://lematinaldugolfe.example/2025/06/17/coton/', 'Coton : la campagne 2025-2026 lancée à Kandi', '2025-06-17'],
    ]);
  });

  it('WHEN an item has content:encoded THEN it is the HTML content, and the description is the summary', () => {
    expect(items[0]).toMatchObject({ contentFormat: 'html' });
    expect(items[0]!.content).toMatch(/^<p>Le ministre de l&#8217;Économie maritime, Gérard Houngbédji/);
    expect(items[0]!.summary).toMatch(/^Le ministre de l&#8217;Économie maritime a annoncé mardi/);
    expect(items[1]!.content).toBeUndefined();
    expect(items[1]!.summary).toBe('Les retraités du secteur privé toucheront une pension revalorisée de 5 % dès le mois de juillet.');
  });
});

describe('GIVEN an Atom feed', () => {
  const items = parseFeed(feed('atom.xml'));

  it('WHEN parsed THEN the alternate link is taken over the enclosure, and a link without rel counts as alternate', () => {
    expect(items.map((i) => i.link)).toEqual([
      'https://www.echo-vallee.example/saint-aubin-sur-loir/crue-du-loir-les-habitants-des-tanneries-evacues-dans-la-nuit-12345678.php',
      'https://www.echo-vallee.example/saint-aubin-sur-loir/fete-de-la-musique-programme-12345601.php',
      'https://www.echo-vallee.example/vendome/travaux-rue-du-change-12345590.php',
    ]);
  });

  it('WHEN an entry has published and updated THEN published is the date; with only updated, updated is', () => {
    expect(items.map((i) => i.published)).toEqual(['2025-06-18', '2025-06-17', '2025-06-16']);
  });

  it('WHEN a title is of type html THEN its entities are decoded', () => {
    expect(items[1]!.title).toBe('Fête de la musique : le programme complet à Saint-Aubin');
  });

  it('WHEN content is html or text THEN contentFormat says which', () => {
    expect(items.map((i) => i.contentFormat)).toEqual(['html', undefined, 'text']);
    expect(items[0]!.summary).toBe('Plus de 200 habitants ont quitté leur logement dans la nuit de mardi à mercredi.');
  });
});

describe('GIVEN a JSON Feed 1.1', () => {
  const items = parseFeed(feed('json-feed.json'));

  it('WHEN parsed THEN url (else external_url), title and date_published (else date_modified) are read', () => {
    expect(items.map((i) => [i.link, i.published])).toEqual([
      ['https://www.radiohorizon.example/meteo/canicule/canicule-quinze-departements-en-vigilance-rouge_7123456.html', '2025-06-18'],
      ['https://www.radiohorizon.example/meteo/orages-grele-alsace_7123401.html', '2025-06-17'],
      ['https://www.partenaire-meteo.example/previsions-ete-2025', '2025-06-16'],
    ]);
  });

  it('WHEN an item has content_html or content_text THEN it is the content with its format', () => {
    expect(items.map((i) => i.contentFormat)).toEqual(['html', 'text', undefined]);
    expect(items[0]!.summary).toBe('Les températures pourraient atteindre 43 °C jeudi dans le Centre et le Sud-Ouest.');
  });
});

describe('GIVEN something that is not a feed', () => {
  it.each([
    ['an HTML page', '<!doctype html><html><body><p>Bonjour</p></body></html>'],
    ['plain text', 'Le maire a démissionné.'],
    ['invalid JSON', '{ "version": '],
    ['JSON that is not a feed', '{ "a": 1 }'],
  ])('WHEN %s is parsed THEN a FeedParseError says it is not a feed', (_name, text) => {
    expect(() => parseFeed(text)).toThrow(FeedParseError);
    expect(() => parseFeed(text)).toThrow(/^not a/);
    expect(isFeed(text)).toBe(false);
  });

  it('WHEN each fixture is tested THEN isFeed recognises it', () => {
    for (const name of ['rss.xml', 'atom.xml', 'json-feed.json']) expect(isFeed(feed(name))).toBe(true);
  });

  it('WHEN a feed has a byte-order mark THEN it is still read', () => {
    expect(parseFeed(`\uFEFF${feed('rss.xml')}`)).toHaveLength(3);
  });
});
