import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanArticleText, normaliseRawText, prepareCleaning, WARM_UP_TEXT, type CleanResult } from '../../src/corpus/clean.js';

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
    expect(texts(r)).toEqual(['Le dirigeant a reçu le responsable russe.', 'Ils ont parlé de Koursk.']);
    expect(r.removed.map((p) => p.reason)).toEqual(['title line (used as the title)', 'repeated title']);
  });

  it('takes a lone short first line without final punctuation as the title', () => {
    const r = cleanArticleText('Séoul cesse sa propagande\n\nLe ministère a annoncé la fin des haut-parleurs.\n\nPyongyang a fait de même.');
    expect(r.title).toBe('Séoul cesse sa propagande');
    expect(texts(r)).toHaveLength(2);
  });

  it('GIVEN no title line WHEN cleaned THEN the title is undefined rather than a piece of the lead', () => {
    const r = cleanArticleText('Moscou a annoncé un accord. Kim a confirmé.\n\nSuite du texte.');
    expect(r.title).toBeUndefined();
    expect(texts(r)).toEqual(['Moscou a annoncé un accord. Kim a confirmé.', 'Suite du texte.']);
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

describe('GIVEN text copied from a browser, with single line breaks between paragraphs', () => {
  const raw = 'Cotonou : les pêcheurs réclament un quai\nM.D\nLes pêcheurs de Cotonou ont manifesté mardi devant la mairie.\n« Nous attendons depuis 2019 », a dit l’un d’eux.\nLa mairie promet une réponse en juillet.';

  it('WHEN cleaned THEN each line is a paragraph, the headline is the title and the byline "M.D" is removed', () => {
    const r = cleanArticleText(raw);
    expect(r.lineMode).toBe('single-newline');
    expect(r.title).toBe('Cotonou : les pêcheurs réclament un quai');
    expect(texts(r)).toEqual(['Les pêcheurs de Cotonou ont manifesté mardi devant la mairie.', '« Nous attendons depuis 2019 », a dit l’un d’eux.', 'La mairie promet une réponse en juillet.']);
    expect(reasons(r)).toEqual([['Cotonou : les pêcheurs réclament un quai', 'title line (used as the title)'], ['M.D', 'byline or credit']]);
  });

  it('WHEN a line carries on the one before in lower case THEN the two stay one paragraph', () => {
    expect(texts(cleanArticleText('Un.\nDeux, coupé\nen deux.\nTrois.'))).toEqual(['Un.', 'Deux, coupé\nen deux.', 'Trois.']);
  });

  it('WHEN an e-mail is hard-wrapped with blank lines between paragraphs THEN blank lines still separate them', () => {
    const r = cleanArticleText('Une phrase longue coupée\nen deux lignes, puis\ntrois.\n\nSuite du texte sur\ndeux lignes.');
    expect(r.lineMode).toBe('blank-line');
    expect(texts(r)).toHaveLength(2);
  });
});

describe('GIVEN an agency dispatch "Abidjan, 18 juin 2025 (AIP)- …" quoting another date', () => {
  const raw = 'Abidjan, 18 juin 2025 (AIP)- Le ministre a ouvert la foire, a constaté l’AIP.\n\n« Le 17 juin 2025 restera une date historique », a-t-il dit.';

  it('WHEN cleaned THEN the dateline gives place, date and agency and is cut from the lead, which stays verbatim', () => {
    const r = cleanArticleText(raw);
    expect(r).toMatchObject({ dateline: 'Abidjan', published: '2025-06-18', publishedFrom: 'dateline', source: 'AIP', title: undefined });
    expect(texts(r)[0]).toBe('Le ministre a ouvert la foire, a constaté l’AIP.');
    expect(reasons(r)).toEqual([['Abidjan, 18 juin 2025 (AIP)-', 'agency dateline (place, date, agency)']]);
  });

  it('WHEN the dateline gives no year THEN the date quoted in the text is still not taken', () => {
    const r = cleanArticleText(raw.replace('18 juin 2025', '18 juin'));
    expect(r.published).toBeUndefined();
  });

  it('WHEN a date is introduced outside a quotation THEN it is taken, and the quoted one before it is not', () => {
    const r = cleanArticleText('« Le 17 juin 2025 fut un grand jour », dit-il. Il parlait ce 18 juin 2025 à la presse.\n\nSuite.');
    expect(r).toMatchObject({ published: '2025-06-18', publishedFrom: 'text', publishedInferredFrom: 'ce 18 juin 2025' });
  });
});

describe('GIVEN the lines real French pages are full of', () => {
  it.each([
    ['La suite après cette publicité', 'advertising'],
    ['Publicité', 'advertising'],
    ["Je m'abonne à la newsletter", 'newsletter or subscription offer'],
    ['placeholder video', 'video or audio player'],
    ['Alerte', 'label (section, alert or outlet name)'],
    ['(Rédigé par Awa Traoré)', 'byline or credit'],
    ['Par Jean-Marc Dupont, envoyé spécial à Bamako', 'byline or credit'],
    ['Avec AFP', 'byline or credit'],
    ['Publié le 18 juin 2025 à 10h32', 'publication date line'],
    ['Temps de lecture : 3 min', 'reading time'],
    ['► Lire aussi : la foire rouvre', 'link to another article'],
    ['Partager sur Facebook', 'share or comment prompt'],
    ['Facebook Twitter WhatsApp E-mail', 'share or comment prompt'],
    ['Ludovic Marin / AFP', 'photo or video credit'],
    ['Le ministre à Abidjan, le 17 juin 2025. (© Présidence)', 'photo caption'],
    ['© 2025 Le Journal. Tous droits réservés.', 'copyright notice'],
    ['Accueil > Afrique > Côte d’Ivoire', 'site navigation'],
    ['Mots-clés : agriculture, foire', 'tags line'],
    ['jca/sba/cls', 'agency signature (editors’ initials)'],
  ])('WHEN %j stands between paragraphs THEN it is removed as %s', (line, reason) => {
    const r = cleanArticleText(`Premier paragraphe, assez long pour être de la prose.\n\n${line}\n\nSecond paragraphe.`);
    expect(texts(r)).toEqual(['Premier paragraphe, assez long pour être de la prose.', 'Second paragraphe.']);
    expect(reasons(r)).toEqual([[line, reason]]);
  });

  it.each([
    ['Par ailleurs, le ministre a confirmé la date.'],
    ['Publié en 1998, le livre a été traduit en vingt langues.'],
    ['Sources proches du dossier ont confirmé la nouvelle.'],
    ['Réagir vite est essentiel, a-t-il dit.'],
    ['Connexion internet coupée depuis trois jours dans la région, selon les habitants.'],
  ])('WHEN the prose line %j starts like noise THEN it is kept', (line) => {
    expect(texts(cleanArticleText(`Premier paragraphe.\n\n${line}\n\nSecond paragraphe.`))).toContain(line);
  });

  it('WHEN the outlet is named on a line of its own THEN that line goes, given the outlet’s names', () => {
    const r = cleanArticleText('Premier paragraphe.\n\nFRATERNITÉ MATIN\n\nSecond paragraphe.', { outletNames: ['Fraternité Matin'] });
    expect(reasons(r)).toEqual([['FRATERNITÉ MATIN', 'label (section, alert or outlet name)']]);
  });

  it('WHEN a comments section follows the body THEN it and everything after it go', () => {
    const r = cleanArticleText('Premier paragraphe de l’article, assez long.\n\n2 commentaires\n\nJean : bravo, enfin une bonne nouvelle pour le quartier.');
    expect(texts(r)).toEqual(['Premier paragraphe de l’article, assez long.']);
    expect(r.removed.map((p) => p.reason)).toEqual(['share or comment prompt', 'page footer (everything from this line to the end: related articles, comments, offers)']);
  });
});

describe('GIVEN a headline glued to the first paragraph', () => {
  it('WHEN glued on the same line THEN it is cut where the lead starts and becomes the title', () => {
    const r = cleanArticleText('Kim reçoit Choïgou à PyongyangLe dirigeant a reçu le responsable russe.\n\nSuite.');
    expect(r.title).toBe('Kim reçoit Choïgou à Pyongyang');
    expect(texts(r)).toEqual(['Le dirigeant a reçu le responsable russe.', 'Suite.']);
  });

  it('WHEN on the line just above the lead, in the same block THEN it is the title, not part of the paragraph', () => {
    const r = cleanArticleText('Kim reçoit Choïgou à Pyongyang\nLe dirigeant a reçu le responsable russe.\n\nSuite.\n\nFin.');
    expect(r.title).toBe('Kim reçoit Choïgou à Pyongyang');
    expect(texts(r)).toEqual(['Le dirigeant a reçu le responsable russe.', 'Suite.', 'Fin.']);
  });

  it('WHEN the repeated title is glued to the lead THEN the copy is cut off too', () => {
    const r = cleanArticleText('Kim reçoit Choïgou\n\nKim reçoit ChoïgouLe dirigeant a reçu le responsable.\n\nSuite.');
    expect(texts(r)).toEqual(['Le dirigeant a reçu le responsable.', 'Suite.']);
  });

  it('WHEN a headline is longer than a subheading THEN it is still the title, and a label above it goes', () => {
    const headline = 'Visite de Sergueï Choïgou en Corée du Nord: Pyongyang va envoyer 5 000 travailleurs pour reconstruire la région de Koursk';
    const r = cleanArticleText(`Monde\n${headline}\nLe responsable russe a été reçu mardi.\nSuite du texte.`);
    expect(r.title).toBe(headline);
    expect(reasons(r)[0]).toEqual(['Monde', 'label (section, alert or outlet name)']);
  });
});

describe('GIVEN pasted texts shaped like real French pages (test/fixtures/pasted)', () => {
  const dir = new URL('../fixtures/pasted/', import.meta.url);
  const names = readdirSync(dir).filter((f) => f.endsWith('.txt'));

  it('has at least six of them', () => {
    expect(names.length).toBeGreaterThanOrEqual(6);
  });

  it.each(names)('WHEN %s is cleaned THEN it gives exactly the expected paragraphs, metadata and removed pieces', (name) => {
    const raw = readFileSync(new URL(name, dir), 'utf8');
    const expected = JSON.parse(readFileSync(new URL(name.replace(/\.txt$/u, '.expected.json'), dir), 'utf8')) as Record<string, unknown>;
    const r = cleanArticleText(raw);
    expect({
      title: r.title ?? null,
      published: r.published ?? null,
      source: r.source ?? null,
      dateline: r.dateline ?? null,
      lineMode: r.lineMode,
      paragraphs: r.paragraphs.map((p) => (p.heading ? { text: p.text, heading: p.heading } : { text: p.text })),
      removed: r.removed.map((p) => [p.reason, p.text]),
    }).toEqual(expected);
    expectVerbatim(normaliseRawText(raw), r);
  });
});

describe('GIVEN any input whatsoever', () => {
  const noise = fc.constantFrom('Publicité', 'Par M.D', 'Lire aussi', 'Abidjan, 18 juin 2025 (AIP)- ', '« Le 17 juin 2025 »', 'Titre court', '\r\n', '\n', '\n\n', ' ', 'e\u0301', 'Le texte.', 'PyongyangLe', '- Intertitre -', '(Rédigé par X)', 'En cliquant sur "Accepter" vous acceptez les cookies.');
  const input = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), noise), { maxLength: 30 }).map((parts) => parts.join(''));

  it('WHEN cleaned THEN every paragraph and heading is an exact substring of the NFC-normalised input', () => {
    fc.assert(
      fc.property(input, (raw) => {
        const normalised = normaliseRawText(raw);
        const r = cleanArticleText(raw);
        for (const p of r.paragraphs) {
          if (p.text === '' || !normalised.includes(p.text)) return false;
          if (p.heading !== undefined && !normalised.includes(p.heading)) return false;
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('GIVEN the invented dispatch the cleaning is warmed up on at start', () => {
  it('WHEN cleaned THEN it goes through the readings a real page needs: title, dateline, related list, credit, footer', () => {
    const cleaned = cleanArticleText(WARM_UP_TEXT);
    expect(cleaned).toMatchObject({ title: 'Valdorie : le pont de Brisach rouvre', published: '2025-03-11', publishedFrom: 'dateline', source: 'AHP', dateline: 'Brisach' });
    expect(cleaned.removed.map((r) => r.reason)).toEqual(['title line (used as the title)', 'agency dateline (place, date, agency)', 'promotional line', 'photo caption', 'share or comment prompt']);
    expect(cleaned.paragraphs).toHaveLength(3);
    expect(() => prepareCleaning()).not.toThrow();
  });
});
