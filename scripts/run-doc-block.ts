// Runs one documentation block as a user would: compiled to JavaScript inside the package it documents (so
// `@baihua/*` and `@tensorflow/*` imports resolve as a user's would), in a fresh Node.js process with a timeout
// and a leak check (scripts/doc-example-runner.mjs), under `vitest run` when it is a test file, or in headless
// Chromium when it is marked `ts browser` (scripts/run-block-in-browser.ts).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { CodeBlock } from './doc-code-blocks.js';
import { runBlockInBrowser } from './run-block-in-browser.js';

const runner = fileURLToPath(new URL('doc-example-runner.mjs', import.meta.url));
const vitestCli = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
/** How long one block may run, in ms (a fresh process, a backend, and sometimes a short training run). */
export const docBlockTimeoutMs = 120_000;

/** What running one block gave. */
export interface DocBlockResult {
  exitCode: number | null;
  timedOut: boolean;
  /** stdout and stderr together, as printed (for a browser block: the page's console). */
  output: string;
}

/**
 * Compiles `block` (TypeScript or JavaScript) to an ES module in a new folder under `packageDir/.doc-examples/`
 * (removed afterwards unless BAIHUA_DOC_EXAMPLES_KEEP=1; tests running side by side never share one), runs it
 * in a new Node.js process whose working folder is a fresh temporary one (files the block writes land
 * there and are removed), and returns how it ended. A block is run by the leak-checking runner, or, when
 * it imports `vitest` (a test file shown in a doc), by `vitest run`; a `browser` block runs in a page.
 * In plain words: copy the example into the package, run it the way a user would, and see if it works.
 */
export async function runDocBlock(block: CodeBlock, packageDir: string, timeoutMs = docBlockTimeoutMs) {
  mkdirSync(join(packageDir, '.doc-examples'), { recursive: true });
  const folder = mkdtempSync(join(packageDir, '.doc-examples', 'block-'));
  const isTestFile = /^import .* from ['"]vitest['"];?$/m.test(block.code);
  const name = `${block.file.replace(/[^A-Za-z0-9]+/g, '-')}-line-${block.line}${isTestFile ? '.test' : ''}.mjs`;
  const file = join(folder, name);
  const compiled = ts.transpileModule(block.code, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: `${name}.ts`,
  });
  writeFileSync(file, `// ${block.file}:${block.line}\n${compiled.outputText}`);
  if (block.kind === 'browser') {
    const result = await runBlockInBrowser(file, packageDir, timeoutMs);
    if (!process.env.BAIHUA_DOC_EXAMPLES_KEEP) rmSync(folder, { recursive: true, force: true });
    return result;
  }
  const workingFolder = mkdtempSync(join(tmpdir(), 'baihua-doc-example-'));
  try {
    const result = await new Promise<DocBlockResult>((resolve) => {
      const command = isTestFile
        ? [vitestCli, 'run', '--root', folder, '--config', vitestConfig(folder), '--reporter', 'dot', file]
        : [runner, file];
      const child = spawn(process.execPath, command, { cwd: workingFolder, env: process.env });
      let output = '';
      let timedOut = false;
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutMs);
      child.on('close', (exitCode) => {
        clearTimeout(timer);
        resolve({ exitCode, timedOut, output });
      });
    });
    if (!process.env.BAIHUA_DOC_EXAMPLES_KEEP) rmSync(folder, { recursive: true, force: true });
    return result;
  } finally {
    rmSync(workingFolder, { recursive: true, force: true });
  }
}

/** A vitest config for one test file shown in a doc, run on its own, in a child process as the packages' tests. */
function vitestConfig(folder: string): string {
  const file = join(folder, 'vitest.config.mjs');
  writeFileSync(file, "export default { test: { include: ['*.test.mjs'], pool: 'forks', testTimeout: 60_000 } };\n");
  return file;
}
