// Compiles the TypeScript sources to dist/ with swc (type checking is `npm run typecheck`).
// swc rewrites the tsconfig path aliases into relative requires, so dist/ runs with plain `node`.
//
// Safe to run while dist/ is in use (issue 12 item 5: `npm start &` then `npm run token` used to delete each
// other's files): one build at a time (a lock file holding the builder's pid; a dead builder's lock is taken over),
// only changed files are rewritten, each through a temporary file and a rename (a running process never reads a
// half-written file), and nothing is deleted but compiled files whose source is gone.
// The web app (apps/web, a Vite project) is not part of the server compile: scripts/build-web.mjs builds it into
// dist/web, or keeps dist/web when it was built from the same sources.
import { transformFile } from '@swc/core';
import { createRequire } from 'node:module';
import { copyFile, mkdir, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { buildWeb } from './build-web.mjs';
import { dirname, join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const root = resolve(import.meta.dirname, '..');
const { swcOptions } = createRequire(import.meta.url)('../swc.options.cjs');
const out = join(root, 'dist');
const roots = ['apps', 'libs', 'projections', 'scripts', 'bench'];
const lockFile = join(root, '.build.lock');
const skip = new Set([join(root, 'apps/web')]);
const web = join(out, 'web');

async function* sources(dir, pattern = /\.ts$/) {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (skip.has(path)) continue;
    if (entry.isDirectory()) yield* sources(path, pattern);
    else if (pattern.test(entry.name) && !/\.(spec|e2e-spec|d)\.ts$/.test(entry.name)) yield path;
  }
}

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (path === web) continue; // buildWeb's, kept or rebuilt below
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};

async function lock() {
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          unlinkSync(lockFile);
        } catch {
          // gone already
        }
      };
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lockFile, 'utf8').trim() || 0);
      if (pid && !alive(pid)) {
        try {
          unlinkSync(lockFile);
        } catch {
          // another waiter took it over first
        }
        continue;
      }
      await sleep(100);
    }
  }
}

const mtime = (path) =>
  stat(path).then(
    (s) => s.mtimeMs,
    () => 0,
  );

async function writeAtomically(target, content) {
  await mkdir(dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  await writeFile(tmp, content);
  await rename(tmp, target);
}

const unlock = await lock();
try {
  // A change to the compiler settings or to this script recompiles everything.
  const settings = Math.max(await mtime(join(root, 'swc.options.cjs')), await mtime(import.meta.filename));
  const expected = new Set();
  const jobs = [];
  const stale = async (file, target) => {
    const built = await mtime(target);
    return built === 0 || built < settings || built < (await mtime(file));
  };
  for (const r of roots) {
    for await (const file of sources(join(root, r))) {
      const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
      expected.add(target);
      jobs.push(
        stale(file, target).then(async (yes) => {
          if (!yes) return;
          const { code } = await transformFile(file, { ...swcOptions(), sourceMaps: 'inline' });
          await writeAtomically(target, code);
        }),
      );
    }
    // swc compiles `import x from './file.json'` to a require of the file, so JSON next to the sources ships as is.
    for await (const file of sources(join(root, r), /\.json$/)) {
      const target = join(out, relative(root, file));
      expected.add(target);
      jobs.push(
        stale(file, target).then(async (yes) => {
          if (!yes) return;
          await mkdir(dirname(target), { recursive: true });
          const tmp = `${target}.${process.pid}.tmp`;
          await copyFile(file, tmp);
          await rename(tmp, target);
        }),
      );
    }
  }
  await Promise.all(jobs);
  for await (const file of files(out)) if (!expected.has(file)) await unlink(file).catch(() => undefined);
  await buildWeb({ quiet: true });
} finally {
  unlock();
}
