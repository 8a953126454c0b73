import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { transformFileSync } from '@swc/core';
import { readOrCreateFile } from './data-dir-file';

describe('readOrCreateFile (a generated secret in DATA_DIR)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'data-dir-file-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the file once, mode 0600, leaving no temporary file; later calls read it', () => {
    const path = join(dir, 'nested', 'secret');
    expect(readOrCreateFile(path, () => 'first')).toEqual({ value: 'first', created: true });
    expect(readOrCreateFile(path, () => 'second')).toEqual({ value: 'first', created: false });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['secret']);
  });

  it('takes the file another process created while it was generating its own, whole', () => {
    const path = join(dir, 'secret');
    // The competitor links its complete file between our read (missing) and our link.
    const result = readOrCreateFile(path, () => {
      writeFileSync(path, 'theirs');
      return 'ours';
    });
    expect(result).toEqual({ value: 'theirs', created: false });
    expect(readFileSync(path, 'utf8')).toBe('theirs');
    expect(readdirSync(dir)).toEqual(['secret']);
  });

  it('gives six processes starting together the same, non-empty value (10 rounds)', async () => {
    const run = promisify(execFile);
    // The children load this very module, compiled as Jest compiles it (swc), from a file of their own.
    const compiled = join(dir, 'data-dir-file.js');
    writeFileSync(
      compiled,
      transformFileSync(join(__dirname, 'data-dir-file.ts'), {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      }).code,
    );
    for (let round = 0; round < 10; round++) {
      const path = join(dir, `secret-${round}`);
      const startAt = Date.now() + 400;
      const script = `const { readOrCreateFile } = require(${JSON.stringify(compiled)});
        const { randomBytes } = require('node:crypto');
        while (Date.now() < ${startAt});
        process.stdout.write(readOrCreateFile(${JSON.stringify(path)}, () => randomBytes(32).toString('hex')).value);`;
      const outputs = await Promise.all(
        Array.from({ length: 6 }, () => run(process.execPath, ['-e', script]).then((r) => r.stdout)),
      );
      expect(new Set(outputs).size).toBe(1);
      expect(outputs[0]).toMatch(/^[0-9a-f]{64}$/);
      expect(existsSync(path)).toBe(true);
    }
  }, 60_000);
});
