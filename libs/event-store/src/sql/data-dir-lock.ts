import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

interface Holder {
  pid: number;
  host: string;
  since: string;
}

/** Another live process holds the embedded database: opening it too would corrupt it (issue 12 item 5). */
export class DataDirInUseError extends Error {
  constructor(
    readonly directory: string,
    readonly holder: Holder,
    readonly lockFile: string,
  ) {
    super(
      `The embedded database in ${directory} is in use by process ${holder.pid} on ${holder.host} (since ` +
        `${holder.since}), most likely a running server. Two processes on one PGlite directory corrupt it, so this ` +
        `command refuses: stop the server first, or run the service on PostgreSQL (DATABASE_URL), where this is ` +
        `safe while it runs. If no such process exists any more, delete ${lockFile}.`,
    );
    this.name = 'DataDirInUseError';
  }
}

const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): Holder | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Holder;
  } catch {
    return null; // vanished meanwhile, or half written by a process that died: retry
  }
}

/**
 * An exclusive claim on a PGlite directory: `<dir>.lock`, created with O_EXCL and holding the owner's pid. PGlite
 * itself takes no lock, and a second opener (a `projections:rebuild` next to `npm start`) silently corrupted the
 * files. A lock file whose process is gone (SIGKILL, power loss) is stale and taken over; one from another host (a
 * shared volume) cannot be checked and counts as held. Returns the release, also run at process exit.
 */
export function lockDataDir(directory: string): () => void {
  const file = `${directory}.lock`;
  if (held.has(file)) throw new DataDirInUseError(directory, readHolder(file) ?? me(), file);
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(me()), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw error;
      const holder = readHolder(file);
      if (holder && (holder.host !== hostname() || (holder.pid !== process.pid && alive(holder.pid)))) {
        throw new DataDirInUseError(directory, holder, file);
      }
      // Stale (its process is gone; the same pid as ours is a previous life of a restarted container): take it.
      if (holder) unlinkQuietly(file);
    }
  }
  held.add(file);
  const release = (): void => {
    if (!held.delete(file)) return;
    process.off('exit', release);
    if (readHolder(file)?.pid === process.pid) unlinkQuietly(file);
  };
  process.on('exit', release);
  return release;
}

function me(): Holder {
  return { pid: process.pid, host: hostname(), since: new Date().toISOString() };
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}
