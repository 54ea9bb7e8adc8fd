/**
 * The SQuAD file a benchmark reads, checked before anything is built. The default, PIAF's dev
 * set, lives in `../shared` beside the repository, which a plain clone does not have: a missing
 * file is then said in one line (which file, what it is, how to give another) with exit code 2,
 * like a usage error, never as a stack trace.
 */
import { access } from 'node:fs/promises';

/** PIAF's dev set (SQuAD 1.1 format), beside the repository. */
export const PIAF_DEV_FILE = '../shared/eval/piaf-dev.json';

/** Exit code of a benchmark whose input file is missing (the same as a usage error). */
export const MISSING_INPUT_EXIT = 2;

/**
 * Returns when `file` can be read; otherwise prints one line naming it and how to pass another
 * file (`how`, e.g. `--squad FILE`), and exits {@link MISSING_INPUT_EXIT}.
 */
export async function requireSquadFile(command: string, file: string, how: string): Promise<void> {
  try {
    await access(file);
  } catch {
    const origin = file === PIAF_DEV_FILE ? ` (PIAF's dev set, kept in ../shared beside the repository, which is not there)` : '';
    console.error(`${command}: missing input ${file}${origin}; give a SQuAD 1.1 file with ${how}`);
    process.exit(MISSING_INPUT_EXIT);
  }
}
