import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support/free-port';

// Issue 12 item 5 on the embedded default (PGlite in DATA_DIR): the README's first session, run as written, and
// `projections:rebuild` / `keys:rotate` against the running server refused, the data intact afterwards.

const root = join(__dirname, '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env: Record<string, string>, child?: (c: ChildProcess) => void) {
  return new Promise<Run>((resolve) => {
    const c = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, detached: true });
    child?.(c);
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // 'exit', not 'close': the session leaves the server running in the background with our pipes still open.
    c.on('exit', (code) => setTimeout(() => resolve({ code, stdout, stderr }), 200));
  });
}

/** The sh block under "A first session with the embedded default" in README.md, on `port`. */
function readmeSession(port: number): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('A first session with the embedded default:');
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(start));
  if (start < 0 || !block) throw new Error('README.md: the first-session block is gone');
  return block[1].replaceAll('localhost:3000', `localhost:${port}`);
}

async function graphql(port: number, token: string, query: string) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

describe('the embedded default is safe to use as the README says (issue 12 item 5)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cr-embedded-'));
  const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', REDIS_URL: 'redis://127.0.0.1:1', NODE_ENV: 'development' };
  let port: number;
  let session: ChildProcess | null = null;
  const serverPid = () => Number(JSON.parse(readFileSync(join(dataDir, 'pglite.lock'), 'utf8')).pid);

  afterAll(() => {
    // The session's shell is gone; its background `npm start` lives on in the same process group.
    if (session?.pid) {
      try {
        process.kill(-session.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });

  it('runs the README first session as written: npm start & + npm run token + curl createOrganization', async () => {
    port = await freePort();
    const result = await run('sh', ['-euc', readmeSession(port)], { ...env, PORT: String(port) }, (c) => {
      session = c;
    });
    expect(result.stderr).not.toMatch(/ENOENT|Cannot find module/);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout.trim().split('\n').pop() as string)).toMatchObject({
      data: { createOrganization: { plan: 'FREE', viewerRole: 'OWNER' } },
    });
  }, 180_000);

  it('refuses projections:rebuild and keys:rotate while the server holds the data; the server still reads and writes', async () => {
    const pid = serverPid();
    expect(() => process.kill(pid, 0)).not.toThrow();
    for (const script of ['dist/projections/src/rebuild.cli.js', 'dist/scripts/keys-rotate.js']) {
      const refused = await run(process.execPath, [script], env);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain(`in use by process ${pid}`);
    }
    const token = (await run(process.execPath, ['dist/scripts/token.js', '--email', 'ana@corp.example'], env)).stdout;
    const created = await graphql(port, token.trim(), 'mutation { createOrganization(input: {name: "Beta"}) { id } }');
    expect(created.errors).toBeUndefined();
    const listed = await graphql(port, token.trim(), '{ organizations { name } }');
    expect(listed.data?.organizations).toEqual(expect.arrayContaining([{ name: 'Acme' }, { name: 'Beta' }]));
  }, 60_000);

  it('once the server stopped, the rebuild runs on the intact data and the lock is gone', async () => {
    const pid = serverPid();
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + 30_000;
    while (existsSync(join(dataDir, 'pglite.lock')) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);
    const rebuilt = await run(process.execPath, ['dist/projections/src/rebuild.cli.js'], env);
    expect(rebuilt.stderr).toMatch(/rebuild requests: \d+ events/);
    expect(rebuilt.code).toBe(0);
  }, 120_000);
});
