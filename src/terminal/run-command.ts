/**
 * One command typed in the terminal → the text to print. Shared by `recoupe` (`npm run ask`) and
 * the interactive console so both answer exactly alike. Commands are named as in Discord, in
 * English or French (`/who`, `/qui`); in the console a line without a slash is a question for
 * `/ask`.
 */
import type { Engine } from '../answers/engine.js';
import type { Answer } from '../answers/types.js';
import { dispatch, resolveCommand } from '../commands/table.js';
import { UserError } from '../commands/user-error.js';
import { messages, type Locale } from '../render/messages.js';
import { renderText } from './render.js';

/** How a terminal command came out. */
export type TerminalResult =
  | { readonly ok: true; readonly answer: Answer; readonly text: string }
  | { readonly ok: false; readonly error: UserError; readonly text: string };

/** Rendering options of the terminal. */
export interface TerminalOptions {
  readonly locale: Locale;
  readonly highlight?: (w: string) => string;
}

/**
 * Runs a command typed by name (`who`, `/qui`, `QUI`…) on `text` and renders it, turning user
 * errors (unknown command, missing text) into their message instead of a throw.
 */
export function runCommand(engine: Engine, typed: string, text: string, options: TerminalOptions): TerminalResult {
  try {
    const name = resolveCommand(typed);
    if (!name) throw new UserError('unknown-command', typed);
    const answer = dispatch(engine, name, text);
    return { ok: true, answer, text: renderText(answer, options) };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { ok: false, error, text: messages(options.locale).errors[error.code](error.detail) };
  }
}

/** A console line as a command and its text. */
export interface ParsedLine {
  readonly command: string;
  readonly text: string;
}

/**
 * Splits a console line: `/qui Kim Jong Un` → `/qui` and `Kim Jong Un`; a line that does not start
 * with a slash is all text, for `ask` (`Qui a annoncé l'envoi ?`).
 */
export function parseLine(line: string): ParsedLine {
  const trimmed = line.trim();
  if (!trimmed.startsWith('/')) return { command: 'ask', text: trimmed };
  const space = trimmed.search(/\s/u);
  return space === -1 ? { command: trimmed, text: '' } : { command: trimmed.slice(0, space), text: trimmed.slice(space + 1).trim() };
}

/** Runs one console line (see {@link parseLine}). */
export function runLine(engine: Engine, line: string, options: TerminalOptions): TerminalResult {
  const { command, text } = parseLine(line);
  return runCommand(engine, command, text, options);
}
