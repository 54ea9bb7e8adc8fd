/**
 * One process at a time in an embedded database folder. PGlite keeps the database's pages in the
 * memory of the process that opened it: a second process writing the same files would corrupt
 * them, so the owner leaves its pid in `<folder>.lock` and removes it on close. A lock whose
 * process is gone (killed, crashed) is stale and taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { StoreError } from './types.js';

/** Releases a lock taken by {@link lockFolder}. */
export type ReleaseLock = () => void;

/** Takes `<folder>.lock` for this process; `in-use` when a live process holds it. */
export function lockFolder(folder: string): ReleaseLock {
  const path = `${folder}.lock`;
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(readFileSync(path, 'utf8').trim());
    if (isAlive(holder)) throw new StoreError('in-use', `the database folder ${folder} is open in process ${holder}; share it over IPC (serveStoreOverIpc) or set DATABASE_URL`);
    writeFileSync(path, String(process.pid));
  }
  return () => {
    try {
      if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path);
    } catch {
      // Already gone: nothing to release.
    }
  };
}

/** Whether a process with this pid exists (signal 0 only checks). */
function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
