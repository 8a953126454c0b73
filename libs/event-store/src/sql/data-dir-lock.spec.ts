import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirInUseError, lockDataDir } from './data-dir-lock';

const dir = () => join(mkdtempSync(join(tmpdir(), 'cr-lock-')), 'pglite');
const holder = (pid: number, host = hostname()) => JSON.stringify({ pid, host, since: '2026-01-01T00:00:00Z' });

describe('lockDataDir (issue 12 item 5: one process per PGlite directory)', () => {
  it('refuses a second opener while held, and frees the directory on release', () => {
    const d = dir();
    const release = lockDataDir(d);
    expect(JSON.parse(readFileSync(`${d}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    expect(() => lockDataDir(d)).toThrow(DataDirInUseError);
    release();
    expect(existsSync(`${d}.lock`)).toBe(false);
    lockDataDir(d)();
  });

  it('refuses while another live process holds it, naming the process and the lock file', () => {
    const d = dir();
    writeFileSync(`${d}.lock`, holder(process.ppid));
    expect(() => lockDataDir(d)).toThrow(`in use by process ${process.ppid}`);
    expect(() => lockDataDir(d)).toThrow(`delete ${d}.lock`);
  });

  it('takes over the lock of a process that is gone (SIGKILL leaves the file behind)', () => {
    const d = dir();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
    writeFileSync(`${d}.lock`, holder(dead));
    const release = lockDataDir(d);
    expect(JSON.parse(readFileSync(`${d}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    release();
  });

  it('counts a lock written on another host (shared volume) as held: its process cannot be checked', () => {
    const d = dir();
    writeFileSync(`${d}.lock`, holder(process.pid, 'elsewhere'));
    expect(() => lockDataDir(d)).toThrow(DataDirInUseError);
  });
});
