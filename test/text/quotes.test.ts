/**
 * Finding quotations and their speakers (src/text/quotes.ts) on small inline paragraphs, French
 * and English: the marks, incises, nesting, and each way the text attributes words, including
 * second-hand ones; what it must not guess. Names are given as the engine's directory would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quotedSpans } from '../../src/text/quote-marks.js';
import { findQuotations, type KnownEntity, type NamedSpan, type QuoteOptions } from '../../src/text/quotes.js';

const person = (name: string): KnownEntity => ({ key: name.toLowerCase(), name, kind: 'person' });
const organisation = (name: string): KnownEntity => ({ key: name.toLowerCase(), name, kind: 'organisation' });

/** Every occurrence of each entity's name (or of the spellings given) in a paragraph, as the directory gives them. */
function namesIn(text: string, entities: ReadonlyArray<readonly [KnownEntity, ...string[]]>): NamedSpan[] {
  const out: NamedSpan[] = [];
  for (const [entity, ...spellings] of entities) {
    for (const spelling of spellings.length > 0 ? spellings : [entity.name]) {
      for (let at = text.indexOf(spelling); at >= 0; at = text.indexOf(spelling, at + 1)) out.push({ start: at, end: at + spelling.length, entity });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

interface Read {
  readonly words: string;
  readonly speaker: string | null;
  readonly entity?: string;
  readonly secondHand: boolean;
  readonly reportedBy?: string;
  readonly nested: boolean;
}

/** The quotations of paragraphs, as `words → speaker` records. */
function read(paragraphs: readonly string[], entities: ReadonlyArray<readonly [KnownEntity, ...string[]]> = [], options: QuoteOptions = {}): Read[] {
  const input = paragraphs.map((text) => ({ text, names: namesIn(text, entities) }));
  return findQuotations(input, options).map((q) => {
    const text = paragraphs[q.paragraph] ?? '';
    return {
      words: q.pieces.map((p) => text.slice(p.start, p.end)).join(' | '),
      speaker: q.speaker?.text ?? null,
      ...(q.speaker?.entity ? { entity: q.speaker.entity.name } : {}),
      secondHand: q.secondHand,
      ...(q.reportedBy ? { reportedBy: q.reportedBy.text } : {}),
      nested: q.within !== undefined,
    };
  });
}

const VARENKO = person('Ilia Varenko');
const ARDOUIN = person('Camille Ardouin');

describe('GIVEN quotation marks of every kind', () => {
  it('WHEN guillemets hold a space, a no-break space, a narrow one or none THEN the words are found without them', () => {
    for (const t of ['« Nous irons »', '«\u00a0Nous irons\u00a0»', '«\u202fNous irons\u202f»', '«Nous irons»', '"Nous irons"', '“Nous irons”']) {
      const [span] = quotedSpans(`Il a dit : ${t}.`);
      expect(span && `Il a dit : ${t}.`.slice(span.inner.start, span.inner.end)).toBe('Nous irons');
    }
  });

  it('WHEN quotes are nested THEN the inner pair is one level down, and an apostrophe closes nothing', () => {
    const text = "« Il m’a dit : “c’est fini” et j’y crois », raconte-t-elle.";
    const spans = quotedSpans(text);
    expect(spans.map((s) => [text.slice(s.inner.start, s.inner.end), s.depth])).toEqual([
      ['Il m’a dit : “c’est fini” et j’y crois', 0],
      ['c’est fini', 1],
    ]);
  });

  it('WHEN a mark is never closed THEN it swallows nothing', () => {
    expect(quotedSpans('Le « projet de loi a été voté mardi.')).toEqual([]);
    expect(quotedSpans('Un » égaré, puis « ceci » seulement.').map((s) => s.depth)).toEqual([0]);
  });

  it('WHEN straight quotes follow an elision THEN they open there (`d\'"éléments"`)', () => {
    expect(read(['Ils ont discuté d\'"éléments de coopération", a déclaré KCNA.'], [[organisation('KCNA')]])).toEqual([{ words: 'éléments de coopération', speaker: 'KCNA', entity: 'KCNA', secondHand: false, nested: false }]);
  });
});

describe('GIVEN French attributions', () => {
  it('WHEN the verb follows the quotation THEN its subject after it speaks, a role in apposition giving way to the name', () => {
    const text = '« Nous sommes venus tendre la main », a déclaré mercredi le ministre kovalien, Ilia Varenko, devant la presse.';
    expect(read([text], [[VARENKO]])).toEqual([{ words: 'Nous sommes venus tendre la main', speaker: 'Ilia Varenko', entity: 'Ilia Varenko', secondHand: false, nested: false }]);
  });

  it('WHEN an incise splits the quotation THEN it is one quotation of two pieces, attributed by the incise', () => {
    expect(read(["« Nous irons, a déclaré M. Varenko, jusqu'au bout »."], [[VARENKO, 'Varenko']])).toEqual([{ words: "Nous irons | jusqu'au bout", speaker: 'Varenko', entity: 'Ilia Varenko', secondHand: false, nested: false }]);
    expect(read(['« Nous ne demandons pas la charité », a martelé M. Varenko, « nous demandons le respect ».'], [[VARENKO, 'Varenko']]).map((q) => q.words)).toEqual(['Nous ne demandons pas la charité | nous demandons le respect']);
  });

  it('WHEN a quotation runs across a sentence end THEN it is one quotation, attributed after it', () => {
    expect(read(['« Nous avons parlé de tout. Du gaz, des frontières », a résumé M. Varenko.'], [[VARENKO, 'Varenko']]).map((q) => [q.words, q.entity])).toEqual([['Nous avons parlé de tout. Du gaz, des frontières', 'Ilia Varenko']]);
  });

  it('WHEN `a-t-il ajouté` follows THEN the speaker is the one quoted just before, in the paragraph before', () => {
    const found = read(['« Nous irons jusqu’au bout », a déclaré Ilia Varenko.', '« Rien ne nous arrêtera », a-t-il ajouté.'], [[VARENKO]]);
    expect(found.map((q) => q.entity)).toEqual(['Ilia Varenko', 'Ilia Varenko']);
  });

  it('WHEN a pronoun has no one before it THEN the quotation is attributed to no one (nothing is guessed)', () => {
    expect(read(['« Rien ne nous arrêtera », a-t-il ajouté.']).map((q) => q.speaker)).toEqual([null]);
    expect(read(['Les habitants ont reçu des consignes « strictes ».']).map((q) => q.speaker)).toEqual([null]);
  });

  it('WHEN the pronoun is feminine THEN a man quoted before is not its antecedent', () => {
    const found = read(['« Il faut évacuer », a déclaré M. Paul Girard, avant de laisser la parole à la préfète Camille Ardouin.', '« Nous n’avons jamais vu cela », a-t-elle ajouté.'], [[person('Paul Girard')], [ARDOUIN]]);
    expect(found.map((q) => q.entity)).toEqual(['Paul Girard', 'Camille Ardouin']);
  });

  it('WHEN only a role is given THEN the role is the speaker, as written', () => {
    expect(read(['Le porte-parole du ministère a précisé que « les accords ne sont pas sur la table ».']).map((q) => q.speaker)).toEqual(['Le porte-parole du ministère']);
  });

  it('WHEN the article gives that role to one person it names THEN the role is that person', () => {
    const paragraphs = ['Le secrétaire du Conseil de sécurité, Ilia Varenko, est arrivé.', 'Le secrétaire du Conseil de sécurité a souligné que « le rythme exige une attention constante ».'];
    const options = { rolesOf: (key: string) => (key === VARENKO.key ? ['secrétaire du Conseil de sécurité'] : []) };
    expect(read(paragraphs, [[VARENKO]], options).map((q) => [q.speaker, q.entity])).toEqual([['Le secrétaire du Conseil de sécurité', 'Ilia Varenko']]);
    // `la ministre` is not the man the article calls a minister.
    const woman = read(['M. Ilia Varenko, ministre kovalien, est arrivé.', 'La ministre a indiqué avoir évoqué « les droits humains ».'], [[VARENKO]], { rolesOf: () => ['ministre kovalien'] });
    expect(woman.map((q) => [q.speaker, q.entity])).toEqual([['La ministre', undefined]]);
  });

  it('WHEN the quotation follows a colon, a passive or `Pour X,` THEN the clause’s subject, the agent or X speaks', () => {
    expect(read(['Un commerçant de la place du Marché ne décolère pas : « On a fermé deux jours. »']).map((q) => q.speaker)).toEqual(['Un commerçant de la place du Marché']);
    expect(read(['La direction a proposé 2 %, une offre jugée « insultante » par le syndicat.']).map((q) => q.speaker)).toEqual(['le syndicat']);
    expect(read(['Pour Hélène Marsac, chercheuse, « ce sommet est un signal ».'], [[person('Hélène Marsac')]]).map((q) => q.entity)).toEqual(['Hélène Marsac']);
  });

  it('WHEN a noun carries the words THEN the name after it speaks (`la revendication par X de…`)', () => {
    const text = 'Cela intervient après la revendication par le président russe Vladimir Poutine de l\'expulsion "totale" des forces ukrainiennes.';
    expect(read([text], [[person('Vladimir Poutine')]]).map((q) => [q.words, q.entity])).toEqual([['totale', 'Vladimir Poutine']]);
  });

  it('WHEN a newspaper’s name stands in quotation marks after its noun THEN it is not a quotation', () => {
    expect(read(['Le quotidien « Le Courrier de Strelsk » a qualifié la visite d’« humiliante ».']).map((q) => [q.words, q.speaker])).toEqual([['humiliante', 'Le Courrier de Strelsk']]);
  });
});

describe('GIVEN words that come through someone else', () => {
  it('WHEN a speaker speaks `selon les agences russes` THEN the speaker is kept, reported by the agencies', () => {
    const text = '« Cinq mille personnes se chargeront de la reconstruction », a déclaré Sergueï Choïgou, selon les agences russes.';
    expect(read([text], [[person('Sergueï Choïgou')]])).toEqual([{ words: 'Cinq mille personnes se chargeront de la reconstruction', speaker: 'Sergueï Choïgou', entity: 'Sergueï Choïgou', secondHand: true, reportedBy: 'les agences russes', nested: false }]);
  });

  it('WHEN a medium is the only source THEN it is the speaker, second-hand', () => {
    expect(read(['La délégation ne repartira pas « les mains vides », selon les médias kovaliens.'])).toEqual([{ words: 'les mains vides', speaker: 'les médias kovaliens', secondHand: true, nested: false }]);
    expect(read(['The talks were “constructive”, according to state media.']).map((q) => [q.speaker, q.secondHand])).toEqual([['state media', true]]);
  });

  it('WHEN `selon` names the press office of the speaker THEN it is a source, not a medium', () => {
    expect(read(['La visite s’inscrit « dans le cadre de l’accord », selon le service de presse du responsable.']).map((q) => [q.speaker, q.secondHand])).toEqual([['le service de presse du responsable', false]]);
  });

  it('WHEN the words were given to an agency THEN they are reported by it, unless the agency is the article’s own', () => {
    const text = '« C’est inacceptable », a déclaré Anna Petrova à l’agence Interfax.';
    expect(read([text], [[person('Anna Petrova')]]).map((q) => [q.entity, q.reportedBy, q.secondHand])).toEqual([['Anna Petrova', 'l’agence Interfax', true]]);
    const own = 'Mme Delorme-Vidal a indiqué à l’AGP que la France « ne transigera pas ».';
    expect(read([own], [[person('Agnès Delorme-Vidal'), 'Delorme-Vidal']], { ownOutlet: ['AGP'] }).map((q) => [q.entity, q.secondHand])).toEqual([['Agnès Delorme-Vidal', false]]);
    expect(read([own], [[person('Agnès Delorme-Vidal'), 'Delorme-Vidal']], { ownOutlet: ['QdE'], outlets: ['AGP'] }).map((q) => [q.reportedBy, q.secondHand])).toEqual([['l’AGP', true]]);
  });

  it('WHEN a medium’s verb relays a speaker THEN the speaker is kept and the medium relays', () => {
    expect(read(['Le ministre a qualifié de « provocation » l’exercice, a rapporté l’agence Tass.']).map((q) => [q.speaker, q.reportedBy])).toEqual([['Le ministre', 'l’agence Tass']]);
  });

  it('WHEN a quotation quotes someone else THEN the inner words are theirs, reported by the outer speaker', () => {
    const text = '« Mon homologue m’a dit : "nous voulons des résultats" », a raconté Agnès Delorme-Vidal.';
    expect(read([text], [[person('Agnès Delorme-Vidal')]])).toEqual([
      { words: 'Mon homologue m’a dit : "nous voulons des résultats"', speaker: 'Agnès Delorme-Vidal', entity: 'Agnès Delorme-Vidal', secondHand: false, nested: false },
      { words: 'nous voulons des résultats', speaker: 'Mon homologue', secondHand: true, reportedBy: 'Agnès Delorme-Vidal', nested: true },
    ]);
  });
});

describe('GIVEN English attributions', () => {
  it('WHEN `said X`, `X said`, `he said` and an incise between two pairs THEN each finds its speaker', () => {
    const found = read(['"We will not back down," said John Smith, the mayor.', '"We are neighbours," he said, "and neighbours talk."', 'A spokesman for the ministry said the plan was "a grave mistake".']);
    expect(found.map((q) => [q.words, q.speaker])).toEqual([
      ['We will not back down', 'John Smith'],
      ['We are neighbours | and neighbours talk.', 'John Smith'],
      ['a grave mistake', 'A spokesman for the ministry'],
    ]);
  });

  it('WHEN someone `told Reuters` THEN the agency relays the words', () => {
    expect(read(['"It is over," the ministry\'s spokesman, Igor Petrov, told Reuters.']).map((q) => [q.speaker, q.reportedBy, q.secondHand])).toEqual([['Igor Petrov', 'Reuters', true]]);
  });
});

describe('GIVEN any text at all', () => {
  it('THEN reading it never throws, and every piece is a slice of its paragraph within the quotation', () => {
    const alphabet = fc.constantFrom(...'«» "“”‘’\u00a0\u202f,.:;!? a-t-il déclaré selon Pour M. Jean Dupont le ministre il elle said he'.split(/(?=[ ])/u), '«', '»', '"', '“', '”', ',', '.', ':');
    fc.assert(
      fc.property(fc.array(fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join('')), { minLength: 1, maxLength: 3 }), (paragraphs) => {
        for (const q of findQuotations(paragraphs.map((text) => ({ text, names: [] })))) {
          const text = paragraphs[q.paragraph] ?? '';
          expect(q.span.start).toBeLessThanOrEqual(q.span.end);
          for (const p of q.pieces) {
            expect(p.start).toBeGreaterThanOrEqual(q.span.start);
            expect(p.end).toBeLessThanOrEqual(Math.min(q.span.end, text.length));
            expect(p.end).toBeGreaterThan(p.start);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
