import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The layer rules of .dependency-cruiser.cjs (issue 13 B1): `npm run depcheck` passes on the tree as it is, and
 * each rule fires on an import planted in a temporary copy of the tree (the real one is never touched).
 */
const root = join(__dirname, '..');
const depcruise = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function cruise(cwd: string): Promise<Violation[]> {
  const args = [depcruise, 'apps', 'libs', 'projections', '--config', '.dependency-cruiser.cjs', '-T', 'json'];
  return new Promise((resolve, reject) => {
    // Exit code 1 only means "violations found": the JSON on stdout says which.
    execFile(process.execPath, args, { cwd, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      try {
        resolve((JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations);
      } catch {
        reject(new Error(`depcruise gave no JSON: ${error?.message ?? ''} ${stderr}`));
      }
    });
  });
}

/** One planted file per case: the rule it must trip (null: the other half of a circle) and the import it carries. */
const planted: { file: string; rule: string | null; source: string }[] = [
  ...['@nestjs/common', 'pg', 'bullmq', 'ioredis', 'node:fs', 'fs', 'node:http'].map((pkg, i) => ({
    file: `libs/domain/src/planted-io-${i}.ts`,
    rule: 'domain-is-pure',
    source: `import * as io from '${pkg}';\nexport const planted = io;\n`,
  })),
  {
    file: 'libs/domain/src/planted-lib.ts',
    rule: 'domain-depends-on-nothing-else',
    source: "export { START } from '@libs/event-store';\n",
  },
  {
    file: 'libs/application/src/planted-app.ts',
    rule: 'nothing-imports-apps',
    source: "export * from '../../../apps/bootstrap';\n",
  },
  {
    file: 'apps/gateway/src/planted-worker.ts',
    rule: 'apps-do-not-import-each-other',
    source: "export * from '../../worker/src/worker.module';\n",
  },
  {
    file: 'apps/gateway/src/planted-worker-internals.ts',
    rule: 'only-the-worker-imports-the-worker',
    source: "export * from '../../worker/src/reactor/reactor';\n",
  },
  {
    file: 'libs/application/src/planted-worker-internals.ts',
    rule: 'only-the-worker-imports-the-worker',
    source: "export * from '@apps/worker/reactor/planner';\n",
  },
  {
    file: 'apps/health/planted-worker-internals.ts',
    rule: 'only-the-worker-imports-the-worker',
    source: "export * from '../worker/src/delivery/delivery-log';\n",
  },
  {
    file: 'apps/planted-root.ts',
    rule: 'composition-root-uses-worker-module-only',
    source: "export * from './worker/src/notifications.service';\n",
  },
  {
    file: 'projections/src/planted-vault.ts',
    rule: 'projections-leave-vault-and-worker-alone',
    source: "export * from '@libs/vault';\n",
  },
  {
    file: 'projections/src/planted-worker.ts',
    rule: 'projections-leave-vault-and-worker-alone',
    source: "export * from '@apps/worker';\n",
  },
  {
    file: 'libs/event-store/src/planted-domain.ts',
    rule: 'event-store-is-below-the-domain',
    source: "export * from '@libs/domain';\n",
  },
  {
    file: 'apps/web/src/planted-server.ts',
    rule: 'web-imports-no-server-code',
    source: "export * from '../../../libs/domain/src/index';\n",
  },
  {
    file: 'apps/web/src/planted-package.ts',
    rule: 'web-imports-no-server-packages',
    source: "export * from 'pg';\n",
  },
  {
    file: 'apps/web/src/planted-built-in.ts',
    rule: 'web-imports-no-node-built-ins',
    source: "export * from 'node:fs';\n",
  },
  {
    file: 'libs/auth/src/planted-typo.ts',
    rule: 'not-to-unresolvable',
    source: "export * from './no-such-module';\n",
  },
  {
    file: 'libs/auth/src/planted-circle-a.ts',
    rule: 'no-circular',
    source: "export { b } from './planted-circle-b';\nexport const a = 1;\n",
  },
  {
    file: 'libs/auth/src/planted-circle-b.ts',
    rule: null, // a circle is reported once, from where the cruise entered it
    source: "export { a } from './planted-circle-a';\nexport const b = 2;\n",
  },
];

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  let copy: string;
  let violations: Violation[];

  beforeAll(async () => {
    copy = mkdtempSync(join(tmpdir(), 'depcruise-'));
    for (const entry of ['apps', 'libs', 'projections', 'tsconfig.json', '.dependency-cruiser.cjs', 'package.json']) {
      cpSync(join(root, entry), join(copy, entry), { recursive: true });
    }
    symlinkSync(realpathSync(join(root, 'node_modules')), join(copy, 'node_modules'));
    for (const { file, source } of planted) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      writeFileSync(join(copy, file), source);
    }
    violations = await cruise(copy);
  }, 180_000);

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('passes on the tree as it is (npm run depcheck)', async () => {
    expect((await cruise(root)).map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
  }, 180_000);

  const cases = planted.flatMap((p) => (p.rule ? [[p.rule, p.file] as const] : []));
  it.each(cases)('%s fires on %s', (rule, file) => {
    expect(violations.filter((v) => v.rule.name === rule && v.from === file)).not.toEqual([]);
  });

  it('reports nothing but the planted imports in the copy', () => {
    const files = new Set(planted.map((p) => p.file));
    expect(violations.filter((v) => !files.has(v.from))).toEqual([]);
  });
});
