// Runs a documentation block marked `ts browser` the way a web page would: esbuild bundles it (with the
// "browser" export condition, as a user's bundler does), a loopback server serves it, and headless
// Chromium (Debian's /usr/bin/chromium or CHROMIUM_PATH, driven by playwright-core) opens the page.
// The same leak check as scripts/doc-example-runner.mjs runs in the page around the block.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** What running one block gave (as scripts/doc-examples.ts reports it). */
export interface BrowserBlockResult {
  exitCode: number;
  timedOut: boolean;
  output: string;
}

// The little of esbuild's and playwright-core's APIs used here (they are resolved from the package at run time).
type Build = (options: Record<string, unknown>) => Promise<unknown>;
interface Page {
  on(event: 'console', listener: (message: { text(): string }) => void): void;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  goto(url: string): Promise<unknown>;
  evaluate<T>(fn: () => T): Promise<T>;
}
interface Browser {
  newContext(options: Record<string, unknown>): Promise<{ newPage(): Promise<Page> }>;
  close(): Promise<void>;
}
interface PageResult {
  leaked?: number;
  error?: string;
}

/** The Chromium binary: CHROMIUM_PATH, else Debian's. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Evaluated in the page: frees what the block made at its top level and its new variables, then
// counts what is still alive; the result (or the error) is left on `window.docExampleResult`.
const pageEntry = (blockFile: string) => `import * as tf from '@tensorflow/tfjs-core';
const engine = tf.engine();
const variablesBefore = new Set(Object.keys(engine.state.registeredVariables));
const tensorsBefore = engine.state.numTensors;
async function run() {
  engine.startScope();
  try {
    await import('./${blockFile}');
  } finally {
    engine.endScope();
  }
  for (const [name, variable] of Object.entries(engine.state.registeredVariables))
    if (!variablesBefore.has(name)) variable.dispose();
  return { leaked: engine.state.numTensors - tensorsBefore };
}
run().then(
  (result) => { window.docExampleResult = result; },
  (error) => { window.docExampleResult = { error: String(error && error.stack ? error.stack : error) }; },
);
`;

/**
 * Bundles the compiled block `blockFile` (an .mjs file inside the package) into a page, opens it in headless
 * Chromium, and waits for it to finish. Needs `esbuild` and `playwright-core` among the package's
 * devDependencies. Output: the page's console messages and errors, then the leak check's verdict.
 * In plain words: the browser example, run in a real browser.
 */
export async function runBlockInBrowser(blockFile: string, packageDir: string, timeoutMs: number) {
  const require = createRequire(join(packageDir, 'package.json'));
  const { build } = require('esbuild') as { build: Build };
  const { chromium } = require('playwright-core') as { chromium: { launch(options: object): Promise<Browser> } };
  const root = mkdtempSync(join(tmpdir(), 'baihua-doc-page-'));
  const entry = blockFile.replace(/\.mjs$/, '.page.mjs');
  writeFileSync(entry, pageEntry(basename(blockFile)));
  const log: string[] = [];
  let browser: Browser | undefined;
  const server = createServer((request, response) => {
    const file = request.url === '/app.js' ? 'app.js' : 'index.html';
    const type = file === 'app.js' ? 'text/javascript' : 'text/html';
    response.writeHead(200, { 'content-type': type }).end(readFileSync(join(root, file)));
  });
  try {
    await build({ entryPoints: [entry], outfile: join(root, 'app.js'), bundle: true, format: 'esm' });
    writeFileSync(
      join(root, 'index.html'),
      '<!doctype html><meta charset="utf-8"><script type="module" src="/app.js"></script>\n',
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
    });
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    page.on('console', (message) => log.push(message.text()));
    page.on('pageerror', (error) => log.push(`[page error] ${error.message}`));
    await page.goto(`http://127.0.0.1:${port}/`);
    const deadline = Date.now() + timeoutMs;
    let result: PageResult | undefined;
    while (!result && Date.now() < deadline) {
      result = await page.evaluate(() => (window as unknown as { docExampleResult?: PageResult }).docExampleResult);
      if (!result) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!result) return { exitCode: 1, timedOut: true, output: log.join('\n') };
    if (result.error) return { exitCode: 1, timedOut: false, output: `${log.join('\n')}\n${result.error}` };
    const leaked = result.leaked ?? 0;
    const verdict = leaked === 0 ? '' : `doc example leaked ${leaked} tensor(s) in the page\n`;
    return { exitCode: leaked === 0 ? 0 : 1, timedOut: false, output: `${log.join('\n')}\n${verdict}` };
  } finally {
    await browser?.close();
    server.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(entry, { force: true });
  }
}

/** Why browser blocks cannot run here, or undefined when they can. */
export function browserUnavailableReason(): string | undefined {
  return existsSync(chromiumPath)
    ? undefined
    : `no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`;
}
