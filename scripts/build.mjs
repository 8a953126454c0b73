// Compiles the TypeScript sources to dist/ with swc (type checking is `npm run typecheck`).
// swc rewrites the tsconfig path aliases into relative requires, so dist/ runs with plain `node`.
// The web app (apps/web, a Vite project) is not part of the server compile: scripts/build-web.mjs builds it into
// dist/web, or keeps dist/web when it was built from the same sources.
import { transformFile } from '@swc/core';
import { createRequire } from 'node:module';
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { buildWeb } from './build-web.mjs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const { swcOptions } = createRequire(import.meta.url)('../swc.options.cjs');
const out = join(root, 'dist');
const roots = ['apps', 'libs', 'projections', 'scripts', 'bench'];
const skip = new Set([join(root, 'apps/web')]);

async function* sources(dir, pattern = /\.ts$/) {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (skip.has(path)) continue;
    if (entry.isDirectory()) yield* sources(path, pattern);
    else if (pattern.test(entry.name) && !/\.(spec|e2e-spec|d)\.ts$/.test(entry.name)) yield path;
  }
}

// Everything but dist/web, which buildWeb reuses when its sources have not changed.
for (const entry of await readdir(out).catch(() => [])) {
  if (entry !== 'web') await rm(join(out, entry), { recursive: true, force: true });
}
const jobs = [];
for (const r of roots) {
  for await (const file of sources(join(root, r))) {
    jobs.push(
      transformFile(file, { ...swcOptions(), sourceMaps: 'inline' }).then(async ({ code }) => {
        const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, code);
      }),
    );
  }
}
// swc compiles `import x from './file.json'` to a require of the file, so JSON next to the sources ships as is.
for (const r of roots) {
  for await (const file of sources(join(root, r), /\.json$/)) {
    const target = join(out, relative(root, file));
    jobs.push(mkdir(dirname(target), { recursive: true }).then(() => copyFile(file, target)));
  }
}
await Promise.all(jobs);
await buildWeb({ quiet: true });
