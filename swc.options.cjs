// The one set of swc options: the build (scripts/build.mjs), Jest (jest.config.js) and test child processes
// (test/support/swc-register.cjs) compile TypeScript the same way. Decorator metadata is required by Nest's DI.
const path = require('node:path');

const root = __dirname;

/** Options for compiling one file; `withPaths` rewrites the tsconfig path aliases into relative requires. */
function swcOptions({ withPaths = true } = {}) {
  return {
    cwd: root,
    swcrc: false,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
      ...(withPaths
        ? {
            baseUrl: root,
            paths: {
              '@libs/*': ['libs/*/src'],
              // Tests, bench and scripts reach into the worker (the dependency rules keep apps and libs out).
              '@apps/worker': ['apps/worker/src'],
              '@apps/worker/*': ['apps/worker/src/*'],
              '@projections': ['projections/src'],
              '@projections/*': ['projections/src/*'],
            },
          }
        : {}),
    },
    module: { type: 'commonjs' },
  };
}

module.exports = { swcOptions, root: path.resolve(root) };
