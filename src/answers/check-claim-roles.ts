/**
 * A role the claim gives a person against the roles each outlet's articles on the topic give
 * them (the directory's roles, read where a text titles a person: `Marie-Laure Desveaux, préfète
 * de la Sorbière`, `la préfète Marie-Laure Desveaux`).
 *
 * - `same`: a role of theirs in the outlet holds every word of the claim's role;
 * - `different`: the outlet gives them roles, none the claim's nor a part of it (`ministre de la
 *   Défense` / `secrétaire du Conseil de sécurité`; `ancien ministre` / `ministre`). The press's
 *   periphrases are read as the role they stand for (`chef de la diplomatie` is the foreign
 *   minister), and a role that only relates them to someone (`son homologue`), or names with a
 *   common noun what the claim names (`secrétaire générale du syndicat` / `du STPO`), is part of
 *   it, never another;
 * - `silent`: no spelling of the person's surname is written in the outlet's articles on the topic;
 * - `unknown`: the outlet names them and gives no role the reading finds, or only a part of the
 *   claim's (`préfète` for `préfète de la Sorbière`), shown as such.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { IndexedParagraph } from '../search/paragraph-index.js';
import type { Entity } from '../text/entities.js';
import { fold } from '../text/fold.js';
import { EVIDENCE_MAX } from './check-claim-figures.js';
import type { ClaimRole } from './check-claim-read.js';
import type { ClaimCheck, ClaimEvidence, ClaimRelation } from './check-claim-types.js';
import { evidence, surnameTerms, writesAny, type OutletTopic } from './statements.js';
import { findByName } from './who.js';

/** Words of a role that say nothing of which role it is. */
const FILLER = new Set('le la les l un une de du des d en et a au aux sur pour'.split(' '));
/** Words that make a role another one: a former minister is not the minister. */
const TENSE = new Set(['ancien', 'ancienne', 'ex', 'futur', 'future', 'nouveau', 'nouvelle', 'nouvel']);

/** Nouns that give a role only by another person's (`son homologue française`): never another role. */
const RELATIONAL = new Set(['homologue', 'homologues']);
/** The press's periphrases of a role, folded and with `l'` and `d'` already taken out, and the role they stand for. */
const PERIPHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:chef|patron|patronne|cheffe) de la diplomatie\b/gu, 'ministre des affaires etrangeres'],
  [/\bgarde des sceaux\b/gu, 'ministre de la justice'],
  [/\b(?:chef|cheffe) de\s+etat\b/gu, 'president'],
  [/\b(?:chef|cheffe) du gouvernement\b/gu, 'premier ministre'],
  [/\blocataire de matignon\b/gu, 'premier ministre'],
  [/\blocataire (?:de\s+elysee|du kremlin|de la maison-blanche)\b/gu, 'president'],
];

/** A word of a role, folded, and whether it was written as a name (`STPO`, `Défense`). */
interface RoleWord {
  readonly word: string;
  readonly proper: boolean;
}

/** The person the claim names, as the directory knows them; undefined when it does not. */
export function personOf(kb: KnowledgeBase, surface: string): Entity | undefined {
  return findByName(kb.entities, surface).find((e) => e.kind === 'person');
}

/** What each covering outlet says of the role the claim gives a person. */
export function checkRole(kb: KnowledgeBase, claim: ClaimRole, covering: readonly OutletTopic[]): ClaimCheck[] {
  const person = personOf(kb, claim.person);
  const wanted = roleWords(claim.role);
  return covering.map((o): ClaimCheck => {
    const base = { sourceId: o.sourceId, outlet: o.outlet };
    if (!person) return { ...base, state: 'unknown', evidence: [] };
    if (!writesAny(kb, o, surnameTerms(kb, person))) return { ...base, state: 'silent', evidence: [] };
    const articles = new Set(o.paragraphs.map((d) => d.article.id));
    const given = person.roles.filter((r) => articles.has(r.articleId)).flatMap((r) => {
      const doc = kb.paragraph(r.articleId, r.paragraph);
      return doc ? [{ text: r.text, doc, relation: relationOf(wanted, roleWords(r.text)) }] : [];
    });
    const shown = (relation: ClaimRelation) => given.filter((g) => g.relation === relation).slice(0, EVIDENCE_MAX).map((g) => evidenceOf(kb, g.doc, g.text, relation));
    if (given.some((g) => g.relation === 'same')) return { ...base, state: 'same', evidence: shown('same') };
    if (given.some((g) => g.relation === 'partial')) return { ...base, state: 'unknown', evidence: shown('partial') };
    if (given.length > 0) return { ...base, state: 'different', evidence: shown('different') };
    return { ...base, state: 'unknown', evidence: [] };
  });
}

/** A role's words that tell which role it is, folded, its periphrases read as the role they stand for. */
function roleWords(role: string): RoleWord[] {
  const written = role.replace(/\b[dlDL]['’]/gu, ' ');
  const folded = fold(written);
  const plain = PERIPHRASES.reduce((t, [periphrase, stands]) => t.replace(periphrase, stands), folded);
  // A periphrase read: the folded text, where nothing is written as a name any more.
  const text = plain === folded ? written : plain;
  return text
    .split(/[^\p{L}\p{N}-]+/u)
    .flatMap((written, i): RoleWord[] => {
      const word = fold(written);
      // The role's first word is capitalised as a sentence's is: it says nothing of a name.
      return word === '' || FILLER.has(word) ? [] : [{ word, proper: i > 0 && /^\p{Lu}/u.test(written) }];
    });
}

/** The claim's role and an outlet's: the same (every word of the claim's), part of it, or another. */
function relationOf(claimRole: readonly RoleWord[], givenRole: readonly RoleWord[]): ClaimRelation {
  const has = (words: readonly RoleWord[], w: string) => words.some(({ word: x }) => x === w || (x.length > 4 && w.length > 4 && (x.startsWith(w) || w.startsWith(x))));
  const tenseOf = (words: readonly RoleWord[]) => words.filter((w) => TENSE.has(w.word)).map((w) => w.word).sort().join(' ');
  if (givenRole.some((w) => RELATIONAL.has(w.word))) return 'partial';
  if (tenseOf(claimRole) !== tenseOf(givenRole)) return 'different';
  const wanted = claimRole.filter((w) => !TENSE.has(w.word));
  const other = givenRole.filter((w) => !TENSE.has(w.word));
  if (wanted.every((w) => has(other, w.word))) return 'same';
  if (other.length > 0 && other.every((w) => has(wanted, w.word))) return 'partial';
  // The same office, one side naming its body by a common noun where the other names it
  // (`du syndicat` / `du STPO`): nothing says it is another.
  const head = (words: readonly RoleWord[]) => words[0]?.word;
  const missing = wanted.filter((w) => !has(other, w.word));
  const extra = other.filter((w) => !has(wanted, w.word));
  if (head(wanted) !== undefined && head(wanted) === head(other) && (missing.every((w) => !w.proper) || extra.every((w) => !w.proper))) return 'partial';
  return 'different';
}

function evidenceOf(kb: KnowledgeBase, doc: IndexedParagraph, role: string, relation: ClaimRelation): ClaimEvidence {
  const text = doc.paragraph.text;
  const at = text.indexOf(role);
  const span = at >= 0 ? { start: at, end: at + role.length } : { start: 0, end: 0 };
  return { relation, text: role, excerpt: evidence(kb, doc, span) };
}
