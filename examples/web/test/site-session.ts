// The frame of the end-to-end tests: `vite preview` serving the built site (dist/, with the COOP/COEP
// headers of vite.config.ts) on a free loopback port, and Debian's Chromium (or CHROMIUM_PATH) driven
// by playwright-core with the launch flags of core's browser tests (WebGPU on SwiftShader here).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { isolationHeaders } from '../build/isolation-headers.js';
import { chromiumLaunchArgs } from '@baihua/core/testing';

const siteRoot = fileURLToPath(new URL('..', import.meta.url));

/** The Chromium binary: CHROMIUM_PATH, else Debian's. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where screenshots go (git-ignored test artifacts). */
export const screenshotFolder = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));

/** Why the end-to-end tests cannot run here, or undefined when they can. */
export function siteUnavailableReason(): string | undefined {
  if (!existsSync(chromiumPath))
    return `no Chromium at ${chromiumPath} (install Debian's: apt-get install chromium, or set CHROMIUM_PATH)`;
  if (!existsSync(`${siteRoot}dist/digits/index.html`))
    return 'examples/web/dist is missing: run `pnpm --filter @baihua/example-web build` (the test script does)';
  return undefined;
}

/** The served site and a browser; `close()` ends both. */
export interface SiteSession {
  url: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console messages and page errors, for failure messages. */
  log: string[];
  close(): Promise<void>;
}

export async function startSiteSession(): Promise<SiteSession> {
  const server: PreviewServer = await preview({
    // The built site as any static host would serve it: dist/ and the isolation headers only
    // (vite.config.ts is left out: its build plugins are not needed to serve dist/).
    root: siteRoot,
    configFile: false,
    logLevel: 'warn',
    build: { outDir: 'dist' },
    preview: { port: 0, host: '127.0.0.1', open: false, headers: isolationHeaders },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview gave no local URL');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumLaunchArgs],
  });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const log: string[] = [];
  page.on('console', (message) => log.push(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => log.push(`[pageerror] ${error.message}`));
  mkdirSync(screenshotFolder, { recursive: true });
  return {
    url,
    browser,
    context,
    page,
    log,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Opens `path` of the site and waits until the page says it is ready (body[data-ready]). */
export async function openSitePage(session: SiteSession, path: string): Promise<void> {
  await session.page.goto(new URL(path, session.url).href);
  await session.page.waitForSelector('body[data-ready]', { timeout: 60_000 }).catch((error: Error) => {
    throw new Error(`${path} did not get ready: ${error.message}\n${session.log.slice(-20).join('\n')}`);
  });
}

/**
 * `vite` (the dev server of `pnpm dev`) in a child process on a free port, as a user starts it; resolves
 * with its URL once it says where it listens. Its own process: vite.config.ts loads @baihua/core, which
 * must not meet the copy this test process has loaded.
 */
export async function startDevServer(): Promise<{ url: string; close(): void }> {
  const viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  const child = spawn(process.execPath, [viteBin, '--port', '0', '--host', '127.0.0.1'], {
    cwd: siteRoot,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vite dev did not start in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = output.match(/Local:\s+(http:\/\/\S+)/);
      if (found) {
        clearTimeout(timer);
        resolve(found[1] as string);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`vite dev exited with code ${code}:\n${output}`)));
  });
  return { url, close: () => child.kill() };
}
