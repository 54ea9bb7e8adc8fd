/**
 * The interactive console `npm start` opens without a Discord token: the bot's commands, typed
 * as in Discord (`/who Choïgou`). Reads lines from standard input when it is not a terminal, so
 * it can be scripted.
 */
import { createInterface } from 'node:readline';
import type { Engine } from '../answers/engine.js';
import type { Locale } from '../render/messages.js';
import { ansiBold } from '../render/text.js';
import { runCommand, splitLine } from './run-command.js';

const PROMPT = 'recoupe> ';
const QUIT = new Set(['exit', 'quit', '/exit', '/quit', '.exit']);

/** Runs the console until end of input or `exit`. Resolves when it is closed. */
export async function runConsole(engine: Engine, locale: Locale, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const interactive = 'isTTY' in input && input.isTTY === true;
  const rl = createInterface({ input, output, terminal: interactive, prompt: PROMPT });
  const highlight = interactive ? ansiBold : undefined;
  const write = (text: string) => output.write(`${text}\n`);
  if (interactive) write('Type /help for the commands, exit to quit.');
  rl.prompt();
  for await (const line of rl) {
    const trimmed = line.trim();
    if (QUIT.has(trimmed.toLowerCase())) break;
    if (trimmed !== '') {
      const [command, text] = splitLine(trimmed);
      write(runCommand(engine, command, text, { locale, ...(highlight ? { highlight } : {}) }).text);
      if (interactive) write('');
    }
    rl.prompt();
  }
  rl.close();
}
