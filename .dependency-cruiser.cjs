// Layer rules, checked in CI (`npm run depcheck`) rather than remembered. Every rule is shown to fire on a planted
// import by test/dependency-rules.e2e-spec.ts. Paths are RESOLVED paths: a package resolves into node_modules/...
// (matched by dependency type or by a `node_modules/<name>/` pattern), a Node built-in to its bare name (type core).
const anyPackage = ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown'];
// Server-side packages the browser code must never pull in.
const serverPackages =
  '(@nestjs|@apollo/server|pg|pg-[a-z-]+|@electric-sql|@eventstore|@event-driven-io|bullmq|ioredis|nodemailer|' +
  'smtp-server|jose|openid-client|express|helmet|cookie-parser|pino|pino-http|nestjs-pino|prom-client|ws|' +
  '@opentelemetry|pm2)';
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'libs/domain holds the deciders: no framework, no driver, no I/O — no package at all, and of the Node ' +
        'built-ins only crypto (ids, hashes).',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { dependencyTypes: [...anyPackage, 'core'], pathNot: '^(node:)?crypto$' },
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
    {
      name: 'only-the-worker-imports-the-worker',
      comment:
        "apps/worker holds the worker's logic (reactor, planner, processors, delivery log): nothing outside it " +
        'imports it but the composition root, apps/app.module.ts, and that only WorkerModule. Tests, bench and ' +
        'scripts may reach inside (they are not cruised). What the gateway shares with it is in libs/webhooks.',
      severity: 'error',
      from: { path: '^(apps|libs|projections)/', pathNot: '^apps/(worker/|app\\.module\\.ts$)' },
      to: { path: '^apps/worker/' },
    },
    {
      name: 'composition-root-uses-worker-module-only',
      severity: 'error',
      from: { path: '^apps/[^/]+\\.ts$' },
      to: { path: '^apps/worker/(?!src/worker\\.module\\.ts$)' },
    },
    {
      name: 'projections-leave-vault-and-worker-alone',
      comment: 'Read models are built from events only: no secrets (vault, webhook secrets), no worker logic.',
      severity: 'error',
      from: { path: '^projections/' },
      to: { path: '^(libs/(vault|webhooks)/|apps/worker/)' },
    },
    {
      name: 'event-store-is-below-the-domain',
      comment: 'The event store stores any events: it knows no domain, application or read model.',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: '^(libs/(?!event-store/)|projections/|apps/)' },
    },
    {
      name: 'web-imports-no-server-code',
      comment: 'The browser app talks to the server over GraphQL only: no server module, no server package.',
      severity: 'error',
      from: { path: '^apps/web/src/' },
      to: { path: '^(apps/(?!web/)|libs/|projections/)' },
    },
    {
      name: 'web-imports-no-server-packages',
      severity: 'error',
      from: { path: '^apps/web/src/' },
      to: { path: `(^|/)node_modules/${serverPackages}/` },
    },
    {
      name: 'web-imports-no-node-built-ins',
      severity: 'error',
      from: { path: '^apps/web/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency (assets of the web app aside).',
      severity: 'error',
      from: { pathNot: '^apps/web/' },
      to: { couldNotResolve: true },
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
