import { execFile } from 'node:child_process';
import { join } from 'node:path';

/**
 * The rules of eslint.config.mjs that guard correctness rather than style: the tests' ("no test may assert
 * nothing") and the web app's hooks. Each one fires on a planted file, and what they must accept passes. ESLint runs as `npm run lint` does, in its own process, on
 * standard input named as a spec file (nothing is written to the tree).
 */
const root = join(__dirname, '..');
const eslint = join(root, 'node_modules/eslint/bin/eslint.js');

interface LintMessage {
  ruleId: string | null;
  line: number;
}

function lint(source: string, file = 'libs/domain/src/planted.spec.ts'): Promise<LintMessage[]> {
  const args = [eslint, '--stdin', '--stdin-filename', file, '-f', 'json'];
  return new Promise((resolve, reject) => {
    // Exit code 1 only means "problems found": the JSON on stdout says which.
    const child = execFile(process.execPath, args, { cwd: root }, (error, stdout, stderr) => {
      try {
        resolve((JSON.parse(stdout) as { messages: LintMessage[] }[])[0].messages);
      } catch {
        reject(new Error(`eslint gave no JSON: ${error?.message ?? ''} ${stderr}`));
      }
    });
    child.stdin?.end(source);
  });
}

const rules = (messages: LintMessage[]) => messages.map((m) => `${m.line}:${m.ruleId}`);
/** A planted file's text, one argument per line. */
const file = (...lines: string[]) => [...lines, ''].join('\n');

describe('the lint rules that guard correctness fire (eslint.config.mjs)', () => {
  it('refuses a test that asserts nothing, an async matcher not awaited, a focused or skipped test', async () => {
    const planted = file(
      "it('checks nothing', () => {",
      '  Math.max(1, 2);',
      '});',
      "it('forgets to await', async () => {",
      '  expect(Promise.resolve(1)).resolves.toBe(1);',
      '});',
      "it.only('runs alone', () => {",
      '  expect(1).toBe(1);',
      '});',
      "it.skip('never runs', () => {",
      '  expect(1).toBe(1);',
      '});',
    );
    expect(rules(await lint(planted))).toEqual([
      '1:jest/expect-expect',
      '5:jest/valid-expect',
      '7:jest/no-focused-tests',
      '10:jest/no-disabled-tests',
    ]);
  }, 60_000);

  it("accepts expect, awaited async matchers, and the deciders' then / thenThrows", async () => {
    const sound = file(
      'declare const spec: { given(e: unknown[]): { when(c: unknown): { then(e: unknown[]): void; thenThrows(c: string): void } } };',
      "it('expects', () => {",
      '  expect(Math.max(1, 2)).toBe(2);',
      '});',
      "it('awaits', async () => {",
      '  await expect(Promise.resolve(1)).resolves.toBe(1);',
      '});',
      "it('decides', () => {",
      "  spec.given([]).when({ type: 'Add' }).then([]);",
      '});',
      "it('refuses', () => {",
      "  spec.given([]).when({ type: 'Add' }).thenThrows('CONFLICT');",
      '});',
    );
    expect(rules(await lint(sound))).toEqual([]);
  }, 60_000);

  it("refuses the web app's hooks called conditionally, or effects that leave out what they read", async () => {
    const planted = file(
      "import { useEffect, useState } from 'react';",
      'export function Planted({ on, id }: { on: boolean; id: string }) {',
      '  if (on) useState(0);',
      '  useEffect(() => {',
      '    document.title = id;',
      '  }, []);',
      '  return null;',
      '}',
    );
    expect(rules(await lint(planted, 'apps/web/src/planted.tsx'))).toEqual([
      '3:react-hooks/rules-of-hooks',
      '6:react-hooks/exhaustive-deps',
    ]);
  }, 60_000);

  it('applies to the end-to-end tests under test/ as well', async () => {
    const planted = file("it('checks nothing', async () => {", '  await Promise.resolve();', '});');
    expect(rules(await lint(planted, 'test/planted.e2e-spec.ts'))).toEqual(['1:jest/expect-expect']);
  }, 60_000);
});
