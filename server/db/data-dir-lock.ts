import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors/app-error';

const lockedHere = new Set<string>();

/**
 * PGlite is one process's database: a second process (or a second PGlite in this one) opening
 * the same folder would corrupt it. A pid file taken with O_EXCL says who holds it; a stale one
 * (its process gone) is taken over. Released when the database closes, or at exit.
 */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, 'medcard-server.pid');
  if (lockedHere.has(path)) throw new AppError('server.data_busy', { params: { path: dir, pid: process.pid } });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      lockedHere.add(path);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        lockedHere.delete(path);
        rmSync(path, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new AppError('server.data_busy', { params: { path: dir, pid: holder } });
      }
      rmSync(path, { force: true });
    }
  }
  throw new AppError('server.data_busy', { params: { path: dir, pid: '?' } });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
