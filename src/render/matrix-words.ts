/**
 * The bot's own words for the fact matrix of `/compare` (`/comparer`), in English and French, for
 * every surface. The values in the cells are the articles' words, never here.
 */
import type { MatrixCellState, MatrixRowKind } from '../answers/types.js';
import type { Locale } from './messages.js';

/** The mark of each cell state, the same in both languages. */
export const CELL_MARK: Readonly<Record<MatrixCellState, string>> = { same: '✓', different: '≠', silent: '—', unknown: '?' };

const en = {
  title: 'Fact by fact',
  /** What the marks mean; "the same" is relative to the row's reference (types.ts MatrixRow.reference). */
  legend: '✓ states it (figures, counts, dates: as most outlets do, or as the first one on a tie) · ≠ states something different · — does not say · ? none found, may be worded otherwise',
  /** What `—` is said over: each outlet's articles on the topic, read whole. */
  readWhole: (counts: string) => `Over each outlet's whole articles on the topic: ${counts}.`,
  outletArticles: (outlet: string, n: number) => `${outlet} ${n} article${n === 1 ? '' : 's'}`,
  kinds: { figure: 'Figure', count: 'Count', date: 'Date', person: 'Person', statement: 'Quoted' } as Record<MatrixRowKind, string>,
  /** `—`, by what the row is about. */
  silent: { figure: 'gives no figure for it', count: 'does not count it', date: 'does not date it', person: 'does not name them', statement: 'does not quote it' } as Record<MatrixRowKind, string>,
  /** `?`, by what the row is about: only that nothing matching was found. */
  unknown: { figure: 'no matching figure found', count: 'no matching count found', date: 'no matching date found', person: 'no matching name found', statement: 'no matching quotation found' } as Record<MatrixRowKind, string>,
  /** A statement row's cell quoting it in other words than the first quotation. */
  reworded: 'in other words',
  /** A person row's cell: where the outlet first names them. */
  namedAt: 'named',
  moreRows: (n: number) => `${n} more row${n === 1 ? '' : 's'} not shown.`,
};

const fr: typeof en = {
  title: 'Fait par fait',
  legend: '✓ le dit (chiffres, décomptes, dates\u00a0: comme la plupart des médias, ou comme le premier à égalité) · ≠ dit autre chose · — n’en dit rien · ? rien trouvé, peut-être dit autrement',
  readWhole: (counts) => `Sur l’ensemble des articles de chaque média sur le sujet\u00a0: ${counts}.`,
  outletArticles: (outlet, n) => `${outlet} ${n} article${n > 1 ? 's' : ''}`,
  kinds: { figure: 'Chiffre', count: 'Décompte', date: 'Date', person: 'Personne', statement: 'Citation' },
  silent: { figure: 'ne donne aucun chiffre pour cela', count: 'n’en fait pas le décompte', date: 'ne le date pas', person: 'ne la nomme pas', statement: 'ne la cite pas' },
  unknown: { figure: 'aucun chiffre correspondant trouvé', count: 'aucun décompte correspondant trouvé', date: 'aucune date correspondante trouvée', person: 'aucun nom correspondant trouvé', statement: 'aucune citation correspondante trouvée' },
  reworded: 'en d’autres mots',
  namedAt: 'nommée',
  moreRows: (n) => `${n} autre${n > 1 ? 's' : ''} ligne${n > 1 ? 's' : ''} non affichée${n > 1 ? 's' : ''}.`,
};

/** The fact matrix's words in a locale. */
export function matrixWords(locale: Locale): typeof en {
  return locale === 'fr' ? fr : en;
}
