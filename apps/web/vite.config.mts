// Vite 8 transforms TSX with its built-in oxc transformer (no React plugin is installed), so the JSX runtime is
// configured here. The dev server proxies the gateway's routes so the cookie session stays same-origin.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { typedDocuments } from './typed-documents';

const root = fileURLToPath(new URL('.', import.meta.url));
const gateway = process.env.WEB_DEV_GATEWAY ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  plugins: [typedDocuments(fileURLToPath(new URL('./src/gql/', import.meta.url)))],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // react-router marks its modules "use client" (for server components); meaningless in this bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    proxy: {
      '/graphql': { target: gateway, ws: true, changeOrigin: false },
      '/auth': { target: gateway },
      '/oauth': { target: gateway },
    },
  },
});
