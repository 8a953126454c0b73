// Typed operations from the committed schema (never from a running server): `npm run codegen` writes src/gql/,
// `npm run codegen:check` fails when src/gql/ no longer matches the schema and the operations.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'apps/gateway/schema.gql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string' },
        skipTypename: false,
      },
    },
  },
};
export default config;
