// `node -r ./test/support/swc-register.cjs file.ts`: runs TypeScript child processes of tests without a build
// (and without touching dist/), compiling each .ts file with swc on require, path aliases included.
const { transformSync } = require('@swc/core');
const Module = require('node:module');
const fs = require('node:fs');
const { swcOptions } = require('../../swc.options.cjs');

Module._extensions['.ts'] = function compile(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    ...swcOptions(),
    filename,
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
