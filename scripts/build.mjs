// Compiles the TypeScript sources to dist/ with swc (type checking is `npm run typecheck`).
// swc rewrites the tsconfig path aliases into relative requires, so dist/ runs with plain `node`.
import { transformFile } from '@swc/core';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'dist');
const roots = ['apps', 'libs', 'projections', 'scripts', 'bench'];

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.ts$/.test(entry.name) && !/\.(spec|e2e-spec|d)\.ts$/.test(entry.name)) yield path;
  }
}

await rm(out, { recursive: true, force: true });
const jobs = [];
for (const r of roots) {
  for await (const file of sources(join(root, r))) {
    jobs.push(
      transformFile(file, {
        cwd: root,
        swcrc: false,
        sourceMaps: 'inline',
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
          baseUrl: root,
          paths: {
            '@libs/*': ['libs/*/src'],
            '@projections': ['projections/src'],
            '@projections/*': ['projections/src/*'],
          },
        },
        module: { type: 'commonjs' },
      }).then(async ({ code }) => {
        const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, code);
      }),
    );
  }
}
await Promise.all(jobs);
