// Runs page-app.ts in a real headless Chromium: esbuild bundles it (as a user's bundler would, with
// the "browser" export condition), a loopback HTTP server serves it with tfjs's .wasm files, and
// playwright-core drives Debian's /usr/bin/chromium (never a downloaded browser).
import { existsSync, mkdtempSync, readFileSync, rmSync, copyFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumLaunchArgs } from '../../src/testing/chromium-launch-args.js';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** The Chromium binary: CHROMIUM_PATH, else Debian's. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export function browserUnavailableReason(): string | undefined {
  if (!existsSync(chromiumPath))
    return `no Chromium at ${chromiumPath} (install Debian's: apt-get install chromium, or set CHROMIUM_PATH)`;
  if (!existsSync(join(here, '../../dist/browser/index.js')))
    return 'packages/core/dist/browser is missing: build first (pnpm turbo run build --filter=@baihua/core)';
  return undefined;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

/** A served page and a browser to open it in; `close()` ends both and removes the build. */
export interface BrowserSession {
  url: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The browser console and page errors, for failure messages. */
  log: string[];
  close(): Promise<void>;
}

export async function startBrowserSession(): Promise<BrowserSession> {
  const root = mkdtempSync(join(tmpdir(), 'baihua-browser-'));
  await build({
    entryPoints: [join(here, 'page-app.ts')],
    outfile: join(root, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: 'inline',
    logLevel: 'error',
  });
  const wasmDist = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  for (const file of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'])
    copyFileSync(join(wasmDist, file), join(root, file));
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>loading</title><link rel="icon" href="data:,">' +
      '<input id="files" type="file" multiple><script type="module" src="/app.js"></script>\n',
  );
  const server: Server = createServer((request, response) => {
    // '/wasm/x.wasm' is where page-app points setWasmPaths; everything is flat in root.
    const name =
      (request.url ?? '/')
        .split('?')[0]
        ?.replace(/^\/wasm\//, '/')
        .replace(/^\/$/, '/index.html') ?? '/index.html';
    const file = join(root, name.replace(/\.\./g, ''));
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumLaunchArgs],
  });
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const log: string[] = [];
  page.on('console', (message) => log.push(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => log.push(`[pageerror] ${error.message}`));
  return {
    url,
    browser,
    context,
    page,
    log,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Opens (or reloads) the page and waits until page-app has set itself up. */
export async function openPage(session: BrowserSession): Promise<void> {
  await session.page.goto(session.url);
  await session.page
    .waitForFunction(() => document.title === 'ready', undefined, { timeout: 30_000 })
    .catch((error: Error) => {
      throw new Error(`the test page did not start: ${error.message}\n${session.log.join('\n')}`);
    });
}

/** Calls one of page-app's scenarios in the page and returns its JSON result. */
export async function runScenario<T = Record<string, unknown>>(
  session: BrowserSession,
  name: string,
  ...args: unknown[]
): Promise<T> {
  try {
    return (await session.page.evaluate(
      ([scenario, parameters]) =>
        (globalThis as unknown as { baihuaPage: Record<string, (...a: unknown[]) => Promise<unknown>> }).baihuaPage[
          scenario as string
        ]?.(...(parameters as unknown[])),
      [name, args] as const,
    )) as T;
  } catch (error) {
    throw new Error(
      `scenario ${name} failed in the browser: ${(error as Error).message}\n${session.log.slice(-20).join('\n')}`,
    );
  }
}
