/**
 * One command typed in the terminal (`/who Choïgou`, `ask Qui ... ?`) → the text to print. Shared
 * by `npm run ask` and the interactive console so both answer exactly alike.
 */
import { UserInputError, type Engine } from '../answers/engine.js';
import type { Answer } from '../answers/types.js';
import { messages, type Locale } from '../render/messages.js';
import { renderText } from '../render/text.js';

/** How a terminal command came out. */
export type TerminalResult =
  | { readonly ok: true; readonly answer: Answer; readonly text: string }
  | { readonly ok: false; readonly error: UserInputError; readonly text: string };

/** Runs a command and renders it, turning input errors into a message instead of a throw. */
export function runCommand(engine: Engine, command: string, text: string, options: { locale: Locale; highlight?: (w: string) => string }): TerminalResult {
  const name = command.replace(/^\//, '').toLowerCase();
  try {
    const answer = engine.run(name, text);
    return { ok: true, answer, text: renderText(answer, options) };
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    return { ok: false, error, text: messages(options.locale).errors[error.code](error.detail) };
  }
}

/** Splits a typed line into command and text: `/who Kim Jong Un` → [`who`, `Kim Jong Un`]. */
export function splitLine(line: string): [string, string] {
  const trimmed = line.trim();
  const space = trimmed.search(/\s/);
  return space === -1 ? [trimmed, ''] : [trimmed.slice(0, space), trimmed.slice(space + 1).trim()];
}
