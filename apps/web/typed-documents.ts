// What the GraphQL Code Generator's Babel plugin does, for Vite's oxc pipeline: each `graphql(`…`)` call becomes an
// import of the document the client preset generated for it (`<Name>Document`, `<Name>FragmentDoc` in
// src/gql/graphql.ts). Each document is its own virtual module (its JSON read from graphql.ts), so a page's chunk
// carries only its own operations: importing graphql.ts itself would put every operation of the app (source text
// and AST) in whichever chunk imports it first — the initial JavaScript. Types are unchanged: the type checker
// still sees the graphql() calls.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const CALL = /\bgraphql\(\s*`([\s\S]*?)`\s*\)/g;
const NAMED = /\b(query|mutation|subscription|fragment)\s+([A-Za-z_][A-Za-z0-9_]*)/;
const GQL_IMPORT = /import\s*\{\s*graphql\s*\}\s*from\s*['"][^'"]*\/gql(?:\/index(?:\.ts)?)?['"];?[ \t]*\r?\n?/;
const VIRTUAL = '\0typed-document:';

export function typedDocuments(gqlDir: string): Plugin {
  const generated = `${gqlDir.replace(/\/$/, '')}/graphql.ts`;
  /** `<Name>` → the document's JSON, as the client preset wrote it (one line per document). */
  const documentJson = (name: string): string => {
    const prefix = `export const ${name} = `;
    const line = readFileSync(generated, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(prefix));
    const end = line?.lastIndexOf(' as unknown as ') ?? -1;
    if (!line || end < 0) throw new Error(`typed-documents: ${name} is not in ${generated} (run npm run codegen)`);
    return line.slice(prefix.length, end);
  };
  return {
    name: 'typed-documents',
    enforce: 'pre',
    resolveId(id) {
      return id.startsWith(VIRTUAL) ? id : null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      const name = id.slice(VIRTUAL.length);
      return `export const ${name} = ${documentJson(name)};\n`;
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.startsWith(gqlDir) || !GQL_IMPORT.test(code)) return null;
      const names: string[] = [];
      const replaced = code.replace(CALL, (_call, source: string) => {
        const named = NAMED.exec(source);
        if (!named) throw new Error(`${id}: a graphql() document without an operation or fragment name`);
        const exported = named[1] === 'fragment' ? `${named[2]}FragmentDoc` : `${named[2]}Document`;
        names.push(exported);
        return `__typed_${exported}`;
      });
      if (names.length === 0) return null;
      const imports = names
        .map((n) => `import { ${n} as __typed_${n} } from ${JSON.stringify(VIRTUAL + n)};\n`)
        .join('');
      return { code: imports + replaced.replace(GQL_IMPORT, ''), map: null };
    },
  };
}
