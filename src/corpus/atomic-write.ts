/**
 * Writes a data file so that a reader (the bot starting, a second ingest) sees either the old file
 * or the whole new one, never half of it: the text goes to a temporary file beside the target,
 * which then takes the target's name in one step.
 */
import { randomBytes } from 'node:crypto';
import { link, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The target exists and `replace` was not asked. */
export class TargetExistsError extends Error {
  override readonly name = 'TargetExistsError';
  constructor(readonly target: string) {
    super(`${target} already exists`);
  }
}

/**
 * Writes `text` to `target` atomically. Without `replace`, an existing target is left alone and
 * {@link TargetExistsError} thrown: the temporary file is hard-linked to the target's name, which
 * fails when that name exists, so no check-then-write race lets two writers both succeed.
 *
 * The temporary file is named `.<name>.<random>.tmp`: the corpus loader reads `*.md` only.
 */
export async function writeFileAtomically(target: string, text: string, options: { replace: boolean }): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temp, text, { flag: 'wx' });
  try {
    if (options.replace) await rename(temp, target);
    else await link(temp, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new TargetExistsError(target);
    throw error;
  } finally {
    // After a rename the temporary name is gone already; after a link it is a second name to drop.
    await unlink(temp).catch(() => undefined);
  }
}
