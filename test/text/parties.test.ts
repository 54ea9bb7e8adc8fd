/**
 * Countries named as parties (text/parties.ts): each sentence below is read by hand, its party
 * mentions written beside it; place uses, datelines and names inside other names must not count.
 * The built-in list (src/text/data/countries.yaml) must load and name the countries the seeds use.
 */
import { describe, expect, it } from 'vitest';
import { builtInCountries } from '../../src/corpus/countries.js';
import { countriesFileSchema } from '../../src/corpus/schema.js';
import type { Country } from '../../src/corpus/types.js';
import { compileParties, partyMentions } from '../../src/text/parties.js';

const COUNTRIES: Country[] = [
  { country: 'Ukraine', names: ['Ukraine'], article: "l'", capitals: ['Kiev', 'Kyiv'], demonyms: ['ukrainien', 'ukrainienne', 'ukrainiens', 'ukrainiennes'], seats: [] },
  { country: 'Russie', names: ['Russie', 'Fédération de Russie'], article: 'la ', capitals: ['Moscou'], demonyms: ['russe', 'russes'], seats: ['Kremlin'] },
  { country: 'France', names: ['France'], article: 'la ', capitals: ['Paris'], demonyms: ['français', 'française', 'françaises'], seats: ['Élysée', 'Quai d’Orsay'] },
  { country: 'Mali', names: ['Mali'], article: 'le ', capitals: ['Bamako'], demonyms: ['malien', 'malienne', 'maliens', 'maliennes'], seats: [] },
  { country: 'États-Unis', names: ['États-Unis'], article: 'les ', capitals: ['Washington'], demonyms: ['américain', 'américaine', 'américains', 'américaines'], seats: ['Maison-Blanche', 'Maison Blanche'] },
];
const parties = compileParties(COUNTRIES);

/** The mentions of a text as `written:country`. */
const read = (text: string) => partyMentions(text, parties).map((m) => `${text.slice(m.start, m.end)}:${m.country}`);

describe('parties: a country named as a party, never as a place', () => {
  it.each([
    ['les infrastructures détruites par Kiev.', ['Kiev:Ukraine']],
    ['occupée par les forces ukrainiennes entre août 2024 et le printemps 2025', ['forces ukrainiennes:Ukraine']],
    ["Celle-ci avait été occupée par l'armée de Kiev depuis un assaut.", ['armée de Kiev:Ukraine']],
    ["Il a promis un soutien inconditionnel à Moscou dans son conflit avec l'Ukraine.", ['Moscou:Russie', 'Ukraine:Ukraine']],
    ["la région russe de Koursk, frontalière de l'Ukraine.", []],
    ["l'offensive russe en Ukraine et les frappes sur Kiev", []],
    ['Le ministre est arrivé mardi à Paris, puis a dîné à Kyiv.', []],
    ['Moscou a annoncé mardi que les forces armées ukrainiennes reculaient.', ['Moscou:Russie', 'forces armées ukrainiennes:Ukraine']],
    ['PARIS, 19 mai 2026 (AHP) - Le ministre a été reçu au Quai d’Orsay.', []],
    ["Le Kremlin a démenti ; une réunion s'est tenue au Kremlin.", ['Kremlin:Russie']],
    ["Un porte-parole du Kremlin l'a confirmé.", ['Kremlin:Russie']],
    ["La France vend des trains ; l'opposition déplore le silence de Paris.", ['France:France', 'Paris:France']],
    ["Il repart de Paris avec des contrats et vit dans le sud de la France.", []],
    ["Radio France et l'équipe de France de football jouent au Paris Saint-Germain.", []],
    ['Des soldats sont déployés au Mali ; les autorités maliennes ont protesté auprès du Mali.', ['autorités maliennes:Mali', 'Mali:Mali']],
    ["Les États-Unis ont répondu ; la Maison-Blanche et l'administration américaine se taisent, à la Maison Blanche.", ['États-Unis:États-Unis', 'Maison-Blanche:États-Unis', 'administration américaine:États-Unis']],
    ['la Fédération de Russie a signé avec la Russie', ['Fédération de Russie:Russie', 'Russie:Russie']],
    ['Le train entre Moscou et Kiev reliera Moscou à Kiev ; la frontière entre la Russie et l’Ukraine.', []],
    ["Le rapprochement entre Moscou et Kiev, puis entre la Russie et l'Ukraine.", ['Moscou:Russie', 'Kiev:Ukraine', 'Russie:Russie', 'Ukraine:Ukraine']],
    ['De nouveaux trains relieront Moscou aux villes de province ; le chef de la diplomatie française parle.', []],
    ['Poitiers, dans la Moscou des romans : la Kiev imaginaire.', []],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('gives spans of the original text, accents and apostrophes as written', () => {
    const text = 'Œuvre de l’armée de Kyiv, dit l’Élysée.';
    expect(partyMentions(text, parties).map((m) => [text.slice(m.start, m.end), m.form, m.key])).toEqual([
      ['armée de Kyiv', 'group', 'armee de kyiv'],
      ['Élysée', 'seat', 'elysee'],
    ]);
  });
});

describe('the built-in countries', () => {
  it('load, validated, with the countries the seeds name', () => {
    const countries = builtInCountries();
    expect(countries.length).toBeGreaterThanOrEqual(100);
    const ukraine = countries.find((c) => c.country === 'Ukraine');
    expect(ukraine?.capitals).toContain('Kiev');
    expect(ukraine?.demonyms).toContain('ukrainiennes');
    expect(countries.find((c) => c.capitals.includes('Moscou'))?.seats).toContain('Kremlin');
    expect(countries.find((c) => c.capitals.includes('Pyongyang'))?.demonyms).toContain('nord-coréenne');
  });

  it('read the seeds’ sentences as the hand reading does', () => {
    const all = compileParties(builtInCountries());
    const text = "Moscou a annoncé mardi que Pyongyang allait envoyer des ouvriers de l'armée nord-coréenne pour aider à la reconstruction de la région russe de Koursk, qui avait été partiellement occupée par les forces ukrainiennes.";
    expect(partyMentions(text, all).map((m) => `${text.slice(m.start, m.end)}:${m.form}`)).toEqual(['Moscou:capital', 'Pyongyang:capital', 'armée nord-coréenne:group', 'forces ukrainiennes:group']);
  });

  it('refuses a word given to two countries, naming the entry', () => {
    const result = countriesFileSchema.safeParse([COUNTRIES[0], { ...COUNTRIES[1], capitals: ['Kiev'] }]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([1, 'capitals', 0]);
    expect(result.error?.issues[0]?.message).toContain('Ukraine');
  });
});
