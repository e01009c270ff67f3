// Prints what each built page loads before it is usable: its HTML, the JS and CSS it links
// (modulepreload included), and the wasm binary tfjs fetches on a cross-origin isolated page
// (threaded SIMD), in bytes and gzip bytes, from dist/. Usage: pnpm --filter @baihua/example-web sizes
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
if (!existsSync(join(dist, 'index.html'))) throw new Error('page-sizes: dist/ is missing: run `vite build` first');
const pages = [join(dist, 'index.html')].concat(
  readdirSync(dist, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dist, entry.name, 'index.html')))
    .map((entry) => join(dist, entry.name, 'index.html')),
);
const size = (file: string) => {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const wasm = size(join(dist, 'wasm/tfjs-backend-wasm-threaded-simd.wasm'));
console.log('| page | JS | CSS | wasm (threaded SIMD) |');
console.log('|---|---|---|---|');
for (const page of pages) {
  const html = readFileSync(page, 'utf8');
  const assets = [...new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1] as string))];
  const total = (extension: string) =>
    assets
      .filter((asset) => asset.endsWith(extension))
      .map((asset) => size(join(dist, asset)))
      .reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip }), { raw: 0, gzip: 0 });
  const [js, css] = [total('.js'), total('.css')];
  const name = `/${relative(dist, page).replace(/index\.html$/, '')}`;
  console.log(
    `| ${name} | ${kB(js.raw)} (${kB(js.gzip)} gzip) | ${kB(css.raw)} (${kB(css.gzip)} gzip) | ` +
      `${kB(wasm.raw)} (${kB(wasm.gzip)} gzip) |`,
  );
}
