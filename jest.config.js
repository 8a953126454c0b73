// One Jest run for everything: unit specs next to the code, end-to-end specs in test/.
// @nestjs ships ES modules, so node_modules/@nestjs is transformed too (see ../shared/STACK.md).
// Jest resolves the path aliases itself (moduleNameMapper), so swc leaves them alone here.
const { swcOptions } = require('./swc.options.cjs');
const swc = ['@swc/jest', swcOptions({ withPaths: false })];
// Packages shipped as ES modules only: Jest (CommonJS) needs them transformed.
const esmPackages = ['@nestjs', 'jose', '@electric-sql', 'oidc-provider', 'koa', 'openid-client', 'oauth4webapi'];
const base = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj|cj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@libs/([^/]+)$': '<rootDir>/libs/$1/src',
    '^@libs/([^/]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
    '^@apps/worker$': '<rootDir>/apps/worker/src',
    '^@apps/worker/(.*)$': '<rootDir>/apps/worker/src/$1',
    '^@projections$': '<rootDir>/projections/src',
    '^@projections/(.*)$': '<rootDir>/projections/src/$1',
  },
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/data/'],
};
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,projections}/**/*.spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
  testTimeout: 60000,
};
