// Vite build of the renderer (src/renderer → dist/renderer). Relative asset URLs, so the same
// build is served by `ingot serve` and loaded by the desktop app; everything is bundled, nothing
// comes from a CDN.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('./src/renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

/** The page's CSP forbids inline scripts, which Vite's dev server needs; only builds keep it. */
const devWithoutCsp: Plugin = {
  name: 'ingot-dev-without-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, ''),
};

export default defineConfig({
  root,
  base: './',
  plugins: [react(), devWithoutCsp],
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    assetsInlineLimit: 0,
    // Monaco, loaded only by screens with a SQL editor, is one chunk of about 3.6 MB.
    chunkSizeWarningLimit: 4_000,
    rollupOptions: {
      // Some dependencies carry `/*#__PURE__*/` comments in places Rollup ignores; harmless.
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
    },
  },
  server: { host: '127.0.0.1', strictPort: false },
});
