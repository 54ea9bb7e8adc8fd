/**
 * Regenerates the English–French lexicon of `src/text/lexicon.ts` from Debian packages:
 *
 * - `dict-freedict-eng-fra` and `dict-freedict-fra-eng` (FreeDict, GPL-2.0-or-later): each
 *   English word with its French translations, from both directions;
 * - `wordnet-base` (WordNet 3.0 licence): irregular English verb forms (`said` → `say`), kept
 *   only for verbs the lexicon holds.
 *
 * Usage (as root on Debian): `apt-get install dict-freedict-eng-fra dict-freedict-fra-eng wordnet-base`,
 * then `npx tsx scripts/build-lexicon.ts`. The files it writes are committed, so a clone needs
 * none of these packages; see `src/text/data/README.md` for their licences.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const DICTD = '/usr/share/dictd';
const WORDNET = '/usr/share/wordnet';
const OUT = new URL('../src/text/data/', import.meta.url);

/** One dictd entry: its headword line and its translation lines. */
interface Entry {
  readonly headword: string;
  /** Senses in order, each a list of translations in order. */
  readonly senses: string[][];
}

/** dictd's base64 numbers (offsets and lengths in the `.index` file). */
function dictdNumber(text: string): number {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let n = 0;
  for (const c of text) n = n * 64 + digits.indexOf(c);
  return n;
}

/** Every entry of a dictd dictionary, in index order, the `00database…` header entries left out. */
function readDictd(name: string): Entry[] {
  const body = gunzipSync(readFileSync(`${DICTD}/${name}.dict.dz`));
  const entries: Entry[] = [];
  for (const line of readFileSync(`${DICTD}/${name}.index`, 'utf8').split('\n')) {
    const [headword, offset, length] = line.split('\t');
    if (!headword || !offset || !length || headword.startsWith('00database')) continue;
    const text = body.subarray(dictdNumber(offset), dictdNumber(offset) + dictdNumber(length)).toString('utf8');
    const [, ...lines] = text.trim().split('\n');
    const senses = lines
      .map((l) => l.trim().replace(/^\d+\.\s*/, ''))
      .filter((l) => l.length > 0)
      .map((l) => l.split(/,\s*/).map(cleanTranslation).filter((t) => t.length > 0));
    entries.push({ headword: headword.trim(), senses });
  }
  return entries;
}

/** A translation without domain labels (`[cul] abats` → `abats`) or notes in brackets. */
function cleanTranslation(text: string): string {
  return text.replace(/\[[^\]]*\]|\([^)]*\)|<[^>]*>|"/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Lower case, one space between words: how English keys are written. */
function englishKey(text: string): string {
  return cleanTranslation(text).toLowerCase();
}

/**
 * French translations of each English key, best first: those both dictionaries give (the
 * English–French one's order), then the English–French dictionary's others, then those only the
 * French–English dictionary gives (French words whose entry lists the English word earliest first).
 */
function buildLexicon(engFra: readonly Entry[], fraEng: readonly Entry[]): Map<string, string[]> {
  const forward = new Map<string, string[]>();
  for (const entry of engFra) {
    const key = englishKey(entry.headword);
    const list = forward.get(key) ?? [];
    for (const t of entry.senses.flat()) if (!list.some((known) => known.toLowerCase() === t.toLowerCase())) list.push(t);
    forward.set(key, list);
  }
  const reverse = new Map<string, Array<{ french: string; rank: number }>>();
  for (const entry of fraEng) {
    entry.senses.flat().forEach((english, rank) => {
      const key = englishKey(english);
      const list = reverse.get(key) ?? [];
      const french = cleanTranslation(entry.headword);
      if (!list.some((r) => r.french.toLowerCase() === french.toLowerCase())) list.push({ french, rank });
      reverse.set(key, list);
    });
  }
  const lexicon = new Map<string, string[]>();
  for (const key of new Set([...forward.keys(), ...reverse.keys()])) {
    const ahead = forward.get(key) ?? [];
    const back = (reverse.get(key) ?? []).sort((a, b) => a.rank - b.rank).map((r) => r.french);
    const inBack = (f: string) => back.some((b) => b.toLowerCase() === f.toLowerCase());
    const inAhead = (f: string) => ahead.some((a) => a.toLowerCase() === f.toLowerCase());
    const ordered = [...ahead.filter(inBack), ...ahead.filter((f) => !inBack(f)), ...back.filter((f) => !inAhead(f))];
    // `|` and tabs separate fields in the file; no entry uses them, this keeps it so.
    const clean = ordered.filter((f) => !/[|\t]/.test(f));
    if (clean.length > 0 && key.length > 0 && !/[|\t]/.test(key)) lexicon.set(key, clean);
  }
  return lexicon;
}

/** WordNet's irregular verb forms whose base form the lexicon translates. */
function irregularVerbs(lexicon: ReadonlyMap<string, unknown>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const line of readFileSync(`${WORDNET}/verb.exc`, 'utf8').split('\n')) {
    const [form, base] = line.trim().split(/\s+/);
    if (form && base && form !== base && !form.includes('_') && lexicon.has(base) && !lexicon.has(form)) out.push([form, base]);
  }
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const lexicon = buildLexicon(readDictd('freedict-eng-fra'), readDictd('freedict-fra-eng'));
const keys = [...lexicon.keys()].sort();
writeFileSync(new URL('freedict-en-fr.tsv', OUT), keys.map((k) => `${k}\t${(lexicon.get(k) ?? []).join('|')}\n`).join(''));
const verbs = irregularVerbs(lexicon);
writeFileSync(new URL('wordnet-en-irregular.tsv', OUT), verbs.map(([form, base]) => `${form}\t${base}\n`).join(''));
console.log(`${keys.length} English keys, ${verbs.length} irregular verb forms written to src/text/data/`);
