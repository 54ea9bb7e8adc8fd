import { describe, expect, it } from 'vitest';
import { cleanArticleText, DERIVED_TITLE_MAX, titleFromLead, type CleanResult } from '../../src/corpus/clean.js';

const texts = (r: CleanResult) => r.paragraphs.map((p) => p.text);
const reasons = (r: CleanResult) => r.removed.map((p) => [p.text, p.reason]);

/** The promise every rule keeps: kept text is a verbatim slice of the raw text. */
function expectVerbatim(raw: string, r: CleanResult): void {
  for (const p of r.paragraphs) expect(raw).toContain(p.text);
  for (const p of r.paragraphs) if (p.heading) expect(raw).toContain(p.heading);
}

describe('cleanArticleText: wire header', () => {
  const raw = ' date 2025-06 Moscou, Russie | AFP | mardi 17/06/2025 - Moscou a annoncé mardi un accord.\n\nLe texte continue.';

  it('GIVEN an AFP-style header WHEN cleaned THEN dateline, outlet and date are read and the rest of the line is the lead', () => {
    const r = cleanArticleText(raw);
    expect(r).toMatchObject({ dateline: 'Moscou, Russie', source: 'AFP', published: '2025-06-17', publishedInferredFrom: undefined });
    expect(texts(r)).toEqual(['Moscou a annoncé mardi un accord.', 'Le texte continue.']);
    expect(reasons(r)).toEqual([['date 2025-06 Moscou, Russie | AFP | mardi 17/06/2025 -', 'wire header (dateline, outlet, date)']]);
    expect(r.warnings).toEqual([]);
  });

  it('warns when the weekday of the header does not match its date, and keeps the numeric date', () => {
    const r = cleanArticleText(raw.replace('mardi 17', 'mercredi 17'));
    expect(r.published).toBe('2025-06-17');
    expect(r.warnings).toEqual(['wire header says "mercredi" but 17/06/2025 is a mardi; kept the numeric date']);
  });

  it('does not take prose with a pipe for a header', () => {
    const prose = 'Le score était de 3 | 2 selon le 17/06/2025 - rapport officiel.\n\nSuite.';
    expect(cleanArticleText(prose).paragraphs).toHaveLength(2);
  });
});

describe('cleanArticleText: title', () => {
  it('GIVEN a title line repeated below WHEN cleaned THEN it becomes the title and neither copy is a paragraph', () => {
    const raw = 'Kim reçoit Choïgou à Pyongyang\n\nKim reçoit Choïgou à Pyongyang\n\nLe dirigeant a reçu le responsable russe.\n\nIls ont parlé de Koursk.';
    const r = cleanArticleText(raw);
    expect(r.title).toBe('Kim reçoit Choïgou à Pyongyang');
    expect(r.titleDerived).toBe(false);
    expect(texts(r)).toEqual(['Le dirigeant a reçu le responsable russe.', 'Ils ont parlé de Koursk.']);
    expect(r.removed.map((p) => p.reason)).toEqual(['title line (used as the title)', 'repeated title']);
  });

  it('takes a lone short first line without final punctuation as the title', () => {
    const r = cleanArticleText('Séoul cesse sa propagande\n\nLe ministère a annoncé la fin des haut-parleurs.\n\nPyongyang a fait de même.');
    expect(r.title).toBe('Séoul cesse sa propagande');
    expect(texts(r)).toHaveLength(2);
  });

  it('GIVEN no title line WHEN cleaned THEN the title is derived from the lead and marked as derived', () => {
    const r = cleanArticleText('Moscou a annoncé un accord. Kim a confirmé.\n\nSuite du texte.');
    expect(r.title).toBe('Moscou a annoncé un accord');
    expect(r.titleDerived).toBe(true);
  });
});

describe('titleFromLead', () => {
  it('cuts a long first sentence at a word boundary and ends it with an ellipsis', () => {
    const lead = `${'Moscou a annoncé que Pyongyang allait envoyer plusieurs milliers de sapeurs militaires et des ouvriers '.repeat(2)}pour Koursk.`;
    const title = titleFromLead(lead);
    expect(title.length).toBeLessThanOrEqual(DERIVED_TITLE_MAX);
    expect(title.endsWith('…')).toBe(true);
    expect(lead.startsWith(title.slice(0, -1))).toBe(true);
    expect(lead[title.length - 1]).toBe(' ');
  });

  it('stops at the end of the first sentence', () => {
    expect(titleFromLead('M. Kim a reçu M. Choïgou. Ils ont parlé.')).toBe('M. Kim a reçu M. Choïgou');
  });
});

describe('cleanArticleText: captions, promos and taglines', () => {
  it.each([
    ['Capture d’écran de la vidéo de la rencontre, le 17 juin 2025, à Pyongyang.'],
    ['Photo AFP / KCNA VIA KNS'],
    ['© Sputnik / Gavriil Grigorov'],
    ['Crédit photo : ministère russe de la Défense'],
  ])('removes the photo caption %j', (caption) => {
    const raw = `Le dirigeant a reçu le responsable russe.\n${caption}\n\nIls ont parlé de Koursk.`;
    const r = cleanArticleText(raw);
    expect(texts(r)).toEqual(['Le dirigeant a reçu le responsable russe.', 'Ils ont parlé de Koursk.']);
    expect(reasons(r)).toEqual([[caption, 'photo caption']]);
  });

  it.each([['Suivez RT en français surTelegram'], ['Suivez-nous sur X'], ['Abonnez-vous à notre newsletter'], ['Lire aussi : Kim promet son soutien à Moscou'], ['À lire également']])(
    'removes the promotional line %j',
    (promo) => {
      const r = cleanArticleText(`Premier paragraphe.\n\n${promo}\n\nSecond paragraphe.`);
      expect(texts(r)).toEqual(['Premier paragraphe.', 'Second paragraphe.']);
      expect(reasons(r)).toEqual([[promo, 'promotional line']]);
    },
  );

  it('keeps a long sentence that merely starts like a caption', () => {
    const sentence = `Photo ${'et vidéo à l’appui, le ministère a détaillé le déploiement des sapeurs nord-coréens. '.repeat(5)}`.trim();
    expect(texts(cleanArticleText(`${sentence}\n\nSuite.`))).toEqual([sentence, 'Suite.']);
  });

  it('GIVEN a slogan after the last paragraph WHEN cleaned THEN it is removed as a tagline', () => {
    const r = cleanArticleText("Premier paragraphe.\n\nDernier paragraphe.\n\nRaconter l'actualité");
    expect(texts(r)).toEqual(['Premier paragraphe.', 'Dernier paragraphe.']);
    expect(r.removed.map((p) => p.reason)).toEqual(['short line after the article body (tagline or label)']);
  });

  it('keeps a long last paragraph that lacks its final full stop, with a warning', () => {
    const last = 'Pyongyang a en retour cessé de diffuser des bruits perturbants vers le Sud';
    const r = cleanArticleText(`Premier paragraphe.\n\n${last}`);
    expect(texts(r)).toEqual(['Premier paragraphe.', last]);
    expect(r.warnings).toHaveLength(1);
  });
});

describe('cleanArticleText: cookie consent banners', () => {
  const banner = [
    'En cliquant sur "Tout Accepter" vous consentez au traitement de vos données.',
    'OK',
    'Le site utilise des cookies pour exploiter et améliorer ses services.',
    'Pour en savoir plus, consultez notre «Politique de Confidentialité»',
    'Tout AccepterTout refuserParamétrer vos choix',
  ];

  it('GIVEN a banner after the body WHEN cleaned THEN everything from its opening sentence to the end is removed', () => {
    const r = cleanArticleText(`Premier paragraphe.\n\nDernier paragraphe.\n\n${banner.join('\n\n')}`);
    expect(texts(r)).toEqual(['Premier paragraphe.', 'Dernier paragraphe.']);
    expect(r.removed.map((p) => p.text)).toEqual(banner);
    expect(r.removed.every((p) => p.reason.startsWith('cookie consent banner'))).toBe(true);
  });

  it('removes only the banner lines when the banner comes before the article', () => {
    const r = cleanArticleText(`${banner[0]}\n\nOK\n\nPremier paragraphe.\n\nDernier paragraphe.`);
    expect(texts(r)).toEqual(['Premier paragraphe.', 'Dernier paragraphe.']);
  });

  it('keeps an article sentence that is about cookies', () => {
    const sentence = 'La CNIL a sanctionné le site pour le dépôt de cookies sans consentement.';
    expect(texts(cleanArticleText(`${sentence}\n\nSuite.`))).toEqual([sentence, 'Suite.']);
  });
});

describe('cleanArticleText: subheadings', () => {
  it('GIVEN a "- Heading -" marker WHEN cleaned THEN it becomes the heading of the following paragraphs, without dashes', () => {
    const r = cleanArticleText('Avant.\n\n- Accord de défense mutuelle -\n\nAprès.\n\nEncore après.');
    expect(r.paragraphs).toEqual([{ text: 'Avant.' }, { text: 'Après.', heading: 'Accord de défense mutuelle' }, { text: 'Encore après.', heading: 'Accord de défense mutuelle' }]);
  });

  it('takes a short line without final punctuation between paragraphs for a subheading', () => {
    const r = cleanArticleText('Avant.\n\nUne reprise dynamique des connexions entre les deux pays\n\nAprès.');
    expect(r.paragraphs).toEqual([{ text: 'Avant.' }, { text: 'Après.', heading: 'Une reprise dynamique des connexions entre les deux pays' }]);
  });

  it('does not take a short sentence ending with a full stop for a subheading', () => {
    expect(cleanArticleText('Avant.\n\nKim a parlé.\n\nAprès.').paragraphs.every((p) => p.heading === undefined)).toBe(true);
  });
});

describe('cleanArticleText: paragraphs and dates', () => {
  it('keeps consecutive lines together, line breaks included, as one verbatim paragraph', () => {
    const raw = 'Une phrase coupée\nen deux lignes.\n\nSuite.';
    expect(texts(cleanArticleText(raw))).toEqual(['Une phrase coupée\nen deux lignes.', 'Suite.']);
  });

  it('reads Windows line ends as plain line ends', () => {
    expect(texts(cleanArticleText('Un.\r\n\r\nDeux.'))).toEqual(['Un.', 'Deux.']);
  });

  it('GIVEN no header WHEN the text says "ce 17 juin 2025" THEN that date is used and marked as inferred', () => {
    const r = cleanArticleText('Le responsable a effectué ce 17 juin 2025 une visite.\n\nSuite.');
    expect(r).toMatchObject({ published: '2025-06-17', publishedInferredFrom: 'ce 17 juin 2025' });
  });

  it('understands "le 1er" and skips dates that do not exist', () => {
    const r = cleanArticleText('Prévu le 31 juin 2025, reporté au mardi.\n\nIl a eu lieu le 1er juillet 2025.');
    expect(r.published).toBe('2025-07-01');
  });

  it('leaves the date undefined when the text gives no full date', () => {
    expect(cleanArticleText('Il est arrivé mardi.\n\nLe 17 juin, il est reparti.').published).toBeUndefined();
  });

  it('never returns text that is not in the raw input', () => {
    const raw = 'Titre\n\nTitre\nPhoto X\n\nA.\n\n- Intertitre -\n\nB\nC.\n\nSuivez-nous sur Telegram\n\nEn cliquant sur "Accepter" vous acceptez les cookies.';
    expectVerbatim(raw, cleanArticleText(raw));
  });
});
