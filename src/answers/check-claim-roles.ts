/**
 * A role the claim gives a person against the roles each outlet's articles on the topic give
 * them (the directory's roles, read where a text titles a person: `Marie-Laure Desveaux, préfète
 * de la Sorbière`, `la préfète Marie-Laure Desveaux`).
 *
 * - `same`: a role of theirs in the outlet holds every word of the claim's role;
 * - `different`: the outlet gives them roles, none the claim's nor a part of it (`ministre de la
 *   Défense` / `secrétaire du Conseil de sécurité`; `ancien ministre` / `ministre`);
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

/** A role's words that tell which role it is, folded. */
function roleWords(role: string): string[] {
  return fold(role)
    .replace(/\b[dl]['’]/gu, ' ')
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w !== '' && !FILLER.has(w));
}

/** The claim's role and an outlet's: the same (every word of the claim's), part of it, or another. */
function relationOf(claim: readonly string[], given: readonly string[]): ClaimRelation {
  const has = (words: readonly string[], w: string) => words.some((x) => x === w || (x.length > 4 && w.length > 4 && (x.startsWith(w) || w.startsWith(x))));
  const tenseOf = (words: readonly string[]) => words.filter((w) => TENSE.has(w)).sort().join(' ');
  if (tenseOf(claim) !== tenseOf(given)) return 'different';
  const wanted = claim.filter((w) => !TENSE.has(w));
  const other = given.filter((w) => !TENSE.has(w));
  if (wanted.every((w) => has(other, w))) return 'same';
  if (other.length > 0 && other.every((w) => has(wanted, w))) return 'partial';
  return 'different';
}

function evidenceOf(kb: KnowledgeBase, doc: IndexedParagraph, role: string, relation: ClaimRelation): ClaimEvidence {
  const text = doc.paragraph.text;
  const at = text.indexOf(role);
  const span = at >= 0 ? { start: at, end: at + role.length } : { start: 0, end: 0 };
  return { relation, text: role, excerpt: evidence(kb, doc, span) };
}
