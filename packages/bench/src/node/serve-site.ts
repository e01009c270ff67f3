import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/**
 * The headers that make a page cross-origin isolated, so it gets SharedArrayBuffer and the wasm
 * backend its threads (the same two examples/web's dev server and preview send).
 */
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

/** A static site on a loopback port. */
export interface ServedSite {
  /** e.g. `http://127.0.0.1:41234/` */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the files below `folder` (a built static site: `/bench/` answers `bench/index.html`) on a
 * free loopback port, every answer with {@link isolationHeaders}. Paths leaving the folder get 404.
 *
 * @example const site = await serveSite('examples/web/dist'); await page.goto(`${site.url}bench/`);
 *
 * In plain words: the site as a static host would serve it, with the headers wasm threads need.
 */
export async function serveSite(folder: string): Promise<ServedSite> {
  const root = normalize(folder);
  const server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) file = '';
    else if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file || !existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain', ...isolationHeaders }).end(`not found: ${path}`);
      return;
    }
    const type = contentTypes[extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, { 'content-type': type, ...isolationHeaders }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
