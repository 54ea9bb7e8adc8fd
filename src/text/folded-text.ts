/**
 * A text folded for phrase matching (case, accents, apostrophes, hyphens and spaces made
 * uniform), with where each folded character comes from: a phrase found in the folded text is
 * cited where it stands in the original.
 */
import { fold } from './fold.js';

/** A text folded character by character, with the offset in the text of each folded character. */
export interface FoldedText {
  readonly folded: string;
  /** `at[i]`: offset in the text of folded character `i`; `at[folded.length]` is the text's length. */
  readonly at: readonly number[];
}

const APOSTROPHE = /['\u2019\u02bc\u2018`]/u;
const HYPHEN = /[-\u2010-\u2014]/u;
const SPACE = /[\s\u00a0\u202f]/u;

/** Folds a text for phrase matching, keeping where every character comes from. */
export function foldText(text: string): FoldedText {
  let folded = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const f = APOSTROPHE.test(c) ? "'" : HYPHEN.test(c) ? '-' : SPACE.test(c) ? ' ' : fold(c);
    for (let k = 0; k < f.length; k++) at.push(i);
    folded += f;
  }
  at.push(text.length);
  return { folded, at };
}

/** The key a phrase is matched by: folded as {@link foldText} folds, spaces collapsed, trimmed. */
export function phraseKey(phrase: string): string {
  return foldText(phrase).folded.replace(/ +/g, ' ').trim();
}
