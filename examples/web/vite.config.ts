// The site: every src/<page>/index.html is a page (src/index.html the home page), built into dist/.
// Dev server and preview send the COOP/COEP headers, so pages are cross-origin isolated and the wasm
// backend can use threads.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { isolationHeaders } from './build/isolation-headers.js';
import { siteAssetsPlugin } from './build/site-assets.js';

const src = fileURLToPath(new URL('./src', import.meta.url));
const pages: Record<string, string> = { index: join(src, 'index.html') };
for (const entry of readdirSync(src, { withFileTypes: true }))
  if (entry.isDirectory() && existsSync(join(src, entry.name, 'index.html')))
    pages[entry.name] = join(src, entry.name, 'index.html');

export default defineConfig({
  root: src,
  base: '/',
  plugins: [siteAssetsPlugin()],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  build: {
    outDir: resolve(src, '../dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      input: pages,
      // Whitespace only: tfjs-backend-wasm starts its worker threads from the source text of its
      // emscripten factory (Function.toString); renaming breaks the names it reads, and compression
      // drops its `typeof _scriptDir` guard (the workers then fail: "_scriptDir is not defined").
      output: { minify: { mangle: false, compress: false } },
    },
  },
});
