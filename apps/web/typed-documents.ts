// What the GraphQL Code Generator's Babel plugin does, for Vite's oxc pipeline: each `graphql(`…`)` call becomes an
// import of the document the client preset generated for it (`<Name>Document`, `<Name>FragmentDoc` in
// src/gql/graphql.ts). Without it, every chunk that calls graphql() pulls src/gql/gql.ts, whose map holds every
// operation of the app (source text and AST) — all of it in the initial JavaScript. Types are unchanged: the type
// checker still sees the graphql() calls.
import type { Plugin } from 'vite';

const CALL = /\bgraphql\(\s*`([\s\S]*?)`\s*\)/g;
const NAMED = /\b(query|mutation|subscription|fragment)\s+([A-Za-z_][A-Za-z0-9_]*)/;
const GQL_IMPORT = /import\s*\{\s*graphql\s*\}\s*from\s*['"][^'"]*\/gql(?:\/index(?:\.ts)?)?['"];?[ \t]*\r?\n?/;

export function typedDocuments(gqlDir: string): Plugin {
  const generated = `${gqlDir.replace(/\/$/, '')}/graphql.ts`;
  return {
    name: 'typed-documents',
    enforce: 'pre',
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
      const imports = `import { ${names.map((n) => `${n} as __typed_${n}`).join(', ')} } from ${JSON.stringify(generated)};\n`;
      return { code: imports + replaced.replace(GQL_IMPORT, ''), map: null };
    },
  };
}
