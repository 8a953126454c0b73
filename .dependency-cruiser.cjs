// Layer rules, checked in CI (`npm run depcheck`) rather than remembered.
const io =
  '^(@nestjs|pg|@electric-sql|@eventstore|bullmq|ioredis|nodemailer|jose|express|graphql|pino|prom-client|ws|node:(fs|net|http|https|child_process|dgram|tls))';
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain holds the deciders: no framework, no driver, no I/O.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'core'], path: io },
    },
    {
      name: 'domain-depends-on-nothing-else',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { path: '^(apps|projections|libs/(?!domain/))' },
    },
    {
      name: 'nothing-imports-apps',
      comment: 'apps are entry points; shared code lives in libs/ or projections/.',
      severity: 'error',
      from: { path: '^(libs|projections)/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-do-not-import-each-other',
      severity: 'error',
      from: { path: '^apps/(gateway|worker)/' },
      to: { path: '^apps/(?!$1)(gateway|worker)/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|^data/|\\.spec\\.ts$)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
