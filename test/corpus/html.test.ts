import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticleFromHtml, NO_ARTICLE, OUTSIDE_ARTICLE, type ExtractedPage } from '../../src/corpus/html.js';
import { parseHtmlDocument } from '../../src/corpus/html-dom.js';
import { noiseReason } from '../../src/corpus/html-noise.js';

const PAGES = new URL('../fixtures/pages/', import.meta.url);
const page = (name: string) => readFileSync(new URL(name, PAGES), 'utf8');
const texts = (r: ExtractedPage) => r.paragraphs.map((p) => p.text);
const reasonOf = (r: ExtractedPage, text: string) => r.removed.find((x) => x.text.startsWith(text))?.reason;
const exactReasonOf = (r: ExtractedPage, text: string) => r.removed.find((x) => x.text === text)?.reason;
const squeeze = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

/**
 * The verbatim rule, checked two ways: against the page text the extractor reports, and against
 * the parser's raw `textContent` of the whole page (white space aside), which does not go through
 * the extractor's renderer at all.
 */
function expectVerbatim(html: string, r: ExtractedPage): void {
  const raw = squeeze(parseHtmlDocument(html).body?.textContent ?? '');
  for (const p of r.paragraphs) {
    expect(r.pageText).toContain(p.text);
    expect(p.text).toBe(p.text.normalize('NFC'));
    expect(raw).toContain(squeeze(p.text));
    if (p.heading) expect(r.pageText).toContain(p.heading);
  }
}

describe('GIVEN every saved page of test/fixtures/pages', () => {
  const files = readdirSync(PAGES).filter((f) => f.endsWith('.html'));

  it('WHEN there are fixtures THEN there are at least the five page shapes of the issue', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it.each(files)('WHEN %s is extracted THEN every paragraph and heading is an exact slice of its visible text (NFC)', (file) => {
    const html = page(file);
    expectVerbatim(html, extractArticleFromHtml(html));
  });

  it.each(files)('WHEN %s is extracted THEN no paragraph is also listed as removed', (file) => {
    const r = extractArticleFromHtml(page(file));
    const removed = new Set(r.removed.map((x) => x.text));
    expect(texts(r).filter((t) => removed.has(t))).toEqual([]);
  });
});

describe('GIVEN a wire agency page (JSON-LD, menu, "Publicité", "Lire aussi" list, sign-off)', () => {
  const r = extractArticleFromHtml(page('wire-agency.html'));

  it('WHEN extracted THEN the five paragraphs are kept, the dateline still leading the first', () => {
    expect(texts(r)).toHaveLength(5);
    expect(texts(r)[0]).toMatch(/^Abidjan, 18 juin 2025 \(ALI\) – La Banque lagunaire/);
    expect(texts(r)[4]).toMatch(/« sauf sur de courtes sections et pour quelques semaines »\.$/);
  });

  it('WHEN extracted THEN the headline is the title and the metadata comes from JSON-LD', () => {
    expect(r.title).toBe('Rail : la Banque lagunaire de développement accorde 120 milliards FCFA à la ligne Abidjan-Bobo');
    expect(r.meta).toMatchObject({ outlet: "Agence lagunaire d'information", published: '2025-06-18', language: 'fr' });
  });

  it('WHEN extracted THEN the noise inside the article is removed with its reason', () => {
    expect(exactReasonOf(r, 'Publicité')).toBe('advertisement slot');
    expect(reasonOf(r, 'ALI/kt/mak')).toBe('signature (initials)');
    expect(reasonOf(r, 'Lire aussi')).toBe('related articles ("Lire aussi")');
    expect(reasonOf(r, 'Accueil')).toBe(OUTSIDE_ARTICLE);
    expect(reasonOf(r, 'Port d’Abidjan : un trafic record')).toBeDefined();
  });
});

describe('GIVEN a regional daily page (cookie banner, byline block, caption, subheadings, ad break)', () => {
  const r = extractArticleFromHtml(page('regional-daily.html'));

  it('WHEN extracted THEN the lead and five body paragraphs are kept, under their subheadings', () => {
    expect(texts(r)).toHaveLength(6);
    expect(texts(r)[0]).toMatch(/^Plus de 200 habitants ont quitté leur logement/);
    expect(r.paragraphs.map((p) => p.heading)).toEqual([
      undefined, undefined, undefined,
      'Un gymnase transformé en centre d’accueil', 'Un gymnase transformé en centre d’accueil',
      'La décrue attendue vendredi',
    ]);
  });

  it('WHEN extracted THEN Open Graph and <meta> give the metadata, the author URL ignored', () => {
    expect(r.meta).toMatchObject({ title: 'Crue du Loir : à Saint-Aubin, les habitants du quartier des Tanneries évacués dans la nuit', author: 'Jeanne Morel', outlet: "L'Écho de la Vallée", published: '2025-06-18' });
  });

  it('WHEN extracted THEN every kind of page noise is named', () => {
    expect(reasonOf(r, 'En poursuivant votre navigation')).toBe('cookie banner');
    expect(reasonOf(r, 'Par Jeanne Morel')).toBe('byline');
    expect(reasonOf(r, 'La suite après cette publicité')).toBe('advertisement slot');
    expect(reasonOf(r, 'À lire aussi : Inondations de 2016')).toBe('related articles ("Lire aussi")');
    expect(reasonOf(r, 'Inscrivez-vous à la newsletter')).toBe('newsletter prompt');
    expect(reasonOf(r, 'Mots-clés :')).toBe('tag list');
    expect(reasonOf(r, '12 commentaires')).toBe('share or comment prompt');
    expect(reasonOf(r, 'La rue des Tanneries sous cinquante centimètres')).toBeDefined();
  });
});

describe('GIVEN a national daily page behind a paywall (JSON-LD @graph, kicker, teaser cut mid-sentence)', () => {
  const r = extractArticleFromHtml(page('national-daily-paywall.html'), 'https://www.quotidien-national.example/politique/');

  it('WHEN extracted THEN the lead and the free paragraphs are kept, the cut-off teaser is not', () => {
    expect(texts(r)).toHaveLength(4);
    expect(texts(r)[0]).toBe('Les députés ont voté le projet de loi par 301 voix contre 212. Le Sénat l’examinera à l’automne.');
    expect(reasonOf(r, '« Nous avons fait le choix de la sobriété')).toBe('paragraph cut off by the paywall');
  });

  it('WHEN extracted THEN the paywall, the kicker and the byline are removed', () => {
    expect(reasonOf(r, 'Il vous reste 68 % de cet article à lire')).toBe('subscription prompt (paywall)');
    expect(reasonOf(r, 'Déjà abonné ?')).toBe('subscription prompt (paywall)');
    expect(exactReasonOf(r, 'Environnement')).toBe('section label above the article');
    expect(reasonOf(r, 'Par Claire Vasseur et Mathieu Roux')).toBe('byline');
  });

  it('WHEN extracted THEN the authors are joined, the relative canonical link resolved against the page', () => {
    expect(r.meta.author).toBe('Claire Vasseur, Mathieu Roux');
    expect(r.meta.canonicalUrl).toBe('https://www.quotidien-national.example/politique/article/2025/06/18/loi-sur-l-eau-l-assemblee-adopte-le-texte_6612345_823448.html');
  });
});

describe('GIVEN a broadcaster page (lead in an <h2>, video player, "Alerte" labels)', () => {
  const r = extractArticleFromHtml(page('broadcaster.html'));

  it('WHEN extracted THEN the lead Readability leaves out is recovered before the body', () => {
    expect(texts(r)).toHaveLength(5);
    expect(texts(r)[0]).toMatch(/^Météo-Horizon a relevé mercredi le niveau de vigilance/);
  });

  it('WHEN extracted THEN the player, its legend and the labels are removed', () => {
    expect(reasonOf(r, 'placeholder video')).toBe('video player');
    expect(exactReasonOf(r, 'Alerte')).toBe('label ("Alerte", "Direct"…)');
    expect(reasonOf(r, 'Lire aussi Canicule')).toBe('related articles ("Lire aussi")');
    expect(texts(r).some((t) => t.includes('cherchent l’ombre'))).toBe(false);
  });
});

describe('GIVEN an African outlet on WordPress (Yoast JSON-LD, <br> between paragraphs, "M.D" signature)', () => {
  const r = extractArticleFromHtml(page('african-wordpress.html'));

  it('WHEN extracted THEN a <br> between two sentences splits them into two paragraphs', () => {
    expect(texts(r)).toHaveLength(6);
    expect(texts(r)[0]).toMatch(/à partir du 1er juillet 2025\.$/);
    expect(texts(r)[1]).toMatch(/^Désormais, les déclarations en douane/);
  });

  it('WHEN extracted THEN the signature, the "(Rédigé par …)" credit and the caption are removed', () => {
    expect(exactReasonOf(r, 'M.D')).toBe('signature (initials)');
    expect(reasonOf(r, '(Rédigé par Marc Dossou)')).toBe('byline');
    expect(reasonOf(r, 'Le ministre Gérard Houngbédji à la Chambre de commerce')).toBe('photo caption');
    expect(reasonOf(r, 'Lire aussi : Port de Cotonou')).toBe('related articles ("Lire aussi")');
  });

  it('WHEN extracted THEN the title has no site suffix and the outlet comes from the @graph Organization or Open Graph', () => {
    expect(r.title).toBe('Port de Cotonou : le guichet unique généralisé dès le 1er juillet');
    expect(r.meta).toMatchObject({ outlet: 'Le Matinal du Golfe', published: '2025-06-18', language: 'fr' });
  });
});

describe('GIVEN a section page (a list of links, no article)', () => {
  it('WHEN extracted THEN there are no paragraphs and every block is reported as such', () => {
    const r = extractArticleFromHtml(page('section-page.html'));
    expect(r.paragraphs).toEqual([]);
    expect(r.removed.length).toBeGreaterThan(0);
    expect(r.removed.every((x) => x.reason === NO_ARTICLE)).toBe(true);
  });
});

const prose = (n: number) =>
  `Le conseil municipal a voté le budget de l’année numéro ${n} après un long débat, et les élus de l’opposition ont dénoncé une hausse des impôts locaux.`;

describe('GIVEN small pages', () => {
  it('WHEN the page is in NFD THEN paragraphs are NFC and still slices of the (NFC) page text', () => {
    const html = `<html><body><article><h1>Titre</h1><p>${prose(1).normalize('NFD')}</p><p>${prose(2).normalize('NFD')}</p></article></body></html>`;
    const r = extractArticleFromHtml(html);
    expect(texts(r)).toEqual([prose(1), prose(2)]);
    expectVerbatim(html, r);
  });

  it('WHEN white space and entities are in the markup THEN they are rendered as a browser shows them, nothing else changed', () => {
    const html = `<html><body><article><p>  Le   maire a dit&nbsp;: « non ».\n   Il a ajouté qu’il ne <em>céderait</em> pas, et la séance a été levée à 22&nbsp;heures.</p><p>${prose(3)}</p></article></body></html>`;
    expect(texts(extractArticleFromHtml(html))[0]).toBe('Le maire a dit\u00a0: « non ». Il a ajouté qu’il ne céderait pas, et la séance a été levée à 22\u00a0heures.');
  });

  it('WHEN a paragraph holds <br><br> THEN it becomes two paragraphs; a <br> inside a sentence stays a line break', () => {
    const html = `<html><body><article><p>${prose(4)}<br><br>${prose(5)}</p><p>Adresse de la mairie, 12 rue Haute<br>ouverte du lundi au vendredi, de neuf heures à dix-sept heures, sans rendez-vous.</p></article></body></html>`;
    const r = extractArticleFromHtml(html);
    expect(texts(r)).toEqual([prose(4), prose(5), 'Adresse de la mairie, 12 rue Haute\nouverte du lundi au vendredi, de neuf heures à dix-sept heures, sans rendez-vous.']);
  });

  it('WHEN text is hidden (display:none, hidden, <noscript>, <script>) THEN it is neither a paragraph nor page text', () => {
    const html = `<html><body><article><p>${prose(6)}</p><p style="display: none">Texte caché qui ne doit jamais être cité par le robot, même s’il est long.</p><p hidden>Autre texte caché, lui aussi assez long pour passer pour un paragraphe.</p><noscript><p>Activez JavaScript pour lire la suite de cet article, merci beaucoup.</p></noscript><p>${prose(7)}</p></article></body></html>`;
    const r = extractArticleFromHtml(html);
    expect(texts(r)).toEqual([prose(6), prose(7)]);
    expect(r.pageText).not.toMatch(/caché|JavaScript/);
  });

  it('WHEN a subheading has no paragraph after it THEN it is removed and says so', () => {
    const html = `<html><body><article><p>${prose(8)}</p><h2>Une section vide</h2></article></body></html>`;
    const r = extractArticleFromHtml(html);
    expect(texts(r)).toEqual([prose(8)]);
    expect(reasonOf(r, 'Une section vide')).toBe('subheading with no paragraph under it');
  });

  it('WHEN a sentence merely mentions cookies or a newsletter THEN it is kept', () => {
    const sentence = 'La CNIL a sanctionné l’éditeur, qui déposait des cookies sans le consentement des lecteurs et vendait les adresses de sa newsletter.';
    const html = `<html><body><article><p>${sentence}</p><p>${prose(9)}</p></article></body></html>`;
    expect(texts(extractArticleFromHtml(html))).toEqual([sentence, prose(9)]);
  });

  it('WHEN the input is a fragment without <html> THEN it is read as a page body', () => {
    expect(texts(extractArticleFromHtml(`<p>${prose(10)}</p><p>${prose(11)}</p>`))).toEqual([prose(10), prose(11)]);
  });

  it('WHEN the input is empty or not HTML at all THEN there are no paragraphs and nothing throws', () => {
    expect(extractArticleFromHtml('').paragraphs).toEqual([]);
    expect(extractArticleFromHtml('\u0000\u0001 binaire').paragraphs).toEqual([]);
  });
});

describe('GIVEN the noise rules, one block at a time', () => {
  it.each([
    ['Publicité', 'advertisement slot'],
    ['PUBLICITÉ', 'advertisement slot'],
    ['La suite après cette publicité', 'advertisement slot'],
    ['À lire aussi : Le budget adopté', 'related articles ("Lire aussi")'],
    ['LIRE AUSSI > Le budget adopté', 'related articles ("Lire aussi")'],
    ['Les plus lus', 'related articles ("Lire aussi")'],
    ['Je m’abonne à la newsletter', 'newsletter prompt'],
    ['Il vous reste 75 % de cet article à lire.', 'subscription prompt (paywall)'],
    ['Nous utilisons des cookies pour améliorer votre expérience. Accepter', 'cookie banner'],
    ['Continuer sans accepter', 'cookie banner'],
    ['Partager sur Facebook', 'share or comment prompt'],
    ['Par Jean Dupont', 'byline'],
    ['Par Awa KONÉ, envoyée spéciale à Bamako', 'byline'],
    ['(Rédigé par Marc Dossou)', 'byline'],
    ['Avec AFP', 'byline'],
    ['M.D', 'signature (initials)'],
    ['Publié le 18/06/2025 à 12h03', 'publication date line'],
    ['Mis à jour le 18 juin 2025 à 09:10', 'publication date line'],
    ['Temps de lecture : 3 min', 'reading time'],
    ['© Photo : Jean Dupont', 'photo credit'],
    ['Mots-clés : Santé, Hôpital', 'tag list'],
    ['placeholder video', 'video player'],
    ['Alerte', 'label ("Alerte", "Direct"…)'],
  ])('WHEN %o is checked THEN it is noise: %s', (text, reason) => {
    expect(noiseReason(text)).toBe(reason);
  });

  it.each([
    'Sur le même sujet, le ministre a promis de revenir devant les députés.',
    'Populaire auprès des jeunes, le festival a attiré 20 000 personnes.',
    'Publiée le 3 mars 2019, l’étude montrait que 40 % des nappes baissaient.',
    'Par ailleurs, le maire a annoncé sa démission.',
    'Par Kinshasa, la délégation est passée avant de rejoindre Brazzaville.',
    'Lire aussi les conclusions du rapport permet de comprendre le vote.',
    'Alerte rouge sur le Var : les pompiers mobilisés toute la nuit.',
    'La newsletter du ministère, envoyée à 3 000 agents, contenait une erreur.',
  ])('WHEN the prose %o is checked THEN it is not noise', (text) => {
    expect(noiseReason(text)).toBeUndefined();
  });

  it('WHEN a block names the page’s author THEN only a "Par <author>" opening makes it a byline', () => {
    const context = { author: 'Jeanne Morel' };
    expect(noiseReason('Par Jeanne Morel Publié le 18/06/2025 à 05h45. Temps de lecture : 2 min.', context)).toBe('byline');
    expect(noiseReason('De son côté, Jeanne Morel a rappelé que la crue de 2016 avait été plus haute.', context)).toBeUndefined();
  });

  it('WHEN a block is the outlet’s name alone THEN it is the outlet name', () => {
    expect(noiseReason('Le Matinal du Golfe', { outlet: 'Le Matinal du Golfe' })).toBe('outlet name');
  });
});
