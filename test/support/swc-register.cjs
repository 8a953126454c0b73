// `node -r ./test/support/swc-register.cjs file.ts`: runs TypeScript child processes of tests without a build
// (and without touching dist/), compiling each .ts file with swc on require, path aliases included.
const { transformSync } = require('@swc/core');
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

Module._extensions['.ts'] = function compile(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
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
  });
  module._compile(code, filename);
};
