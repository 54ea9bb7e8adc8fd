/**
 * The interactive console `npm start` opens without a Discord token: the bot's commands, typed
 * as in Discord in either language (`/who Choïgou`, `/qui Choïgou`); a line without a slash is a
 * question (`/ask`). Reads lines from standard input when it is not a terminal, so it can be
 * scripted.
 */
import { createInterface } from 'node:readline';
import type { Engine } from '../answers/engine.js';
import type { Locale } from '../render/messages.js';
import { ansiBold } from './render.js';
import { runLine } from './run-command.js';

const PROMPT = 'recoupe> ';
const QUIT = new Set(['exit', 'quit', '/exit', '/quit', '.exit']);

/** Runs the console until end of input or `exit` (`quit`, with or without a slash). Resolves when it is closed. */
export async function runConsole(engine: Engine, locale: Locale, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const interactive = 'isTTY' in input && input.isTTY === true;
  const rl = createInterface({ input, output, terminal: interactive, prompt: PROMPT });
  const highlight = interactive ? ansiBold : undefined;
  const write = (text: string) => output.write(`${text}\n`);
  if (interactive) write('Type a question, or /help for the commands (French names work too); exit to quit.');
  rl.prompt();
  for await (const line of rl) {
    const trimmed = line.trim();
    if (QUIT.has(trimmed.toLowerCase())) break;
    if (trimmed !== '') {
      write(runLine(engine, trimmed, { locale, ...(highlight ? { highlight } : {}) }).text);
      if (interactive) write('');
    }
    rl.prompt();
  }
  rl.close();
}
