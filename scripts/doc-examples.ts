// The docs test: every ts/js block of every README.md and docs/*.md runs, as written, in a fresh Node.js
// process inside the package it documents (so `@baihua/*` and `@tensorflow/*` imports resolve as a user's
// would), with a timeout and a leak check (scripts/doc-example-runner.mjs). Which package runs which doc,
// and how many blocks of each kind a doc holds, is scripts/doc-examples-manifest.ts: a doc whose blocks
// vanish, or a new doc nobody runs, fails.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { type CodeBlock, countBlockKinds, extractCodeBlocks } from './doc-code-blocks.js';
import { docExamples } from './doc-examples-manifest.js';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const runner = fileURLToPath(new URL('doc-example-runner.mjs', import.meta.url));
const vitestCli = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
/** How long one block may run, in ms (a fresh process, a backend, and sometimes a short training run). */
export const docBlockTimeoutMs = 120_000;

/** What running one block gave. */
export interface DocBlockResult {
  exitCode: number | null;
  timedOut: boolean;
  /** stdout and stderr together, as printed. */
  output: string;
}

/**
 * Compiles `block` (TypeScript or JavaScript) to an ES module inside `packageDir/.doc-examples/`, runs it
 * in a new Node.js process whose working folder is a fresh temporary one (files the block writes land
 * there and are removed), and returns how it ended. A block is run by the leak-checking runner, or, when
 * it imports `vitest` (a test file shown in a doc), by `vitest run`.
 * In plain words: copy the example into the package, run it the way a user would, and see if it works.
 */
export async function runDocBlock(block: CodeBlock, packageDir: string, timeoutMs = docBlockTimeoutMs) {
  const folder = join(packageDir, '.doc-examples');
  mkdirSync(folder, { recursive: true });
  const isTestFile = /^import .* from ['"]vitest['"];?$/m.test(block.code);
  const name = `${block.file.replace(/[^A-Za-z0-9]+/g, '-')}-line-${block.line}${isTestFile ? '.test' : ''}.mjs`;
  const file = join(folder, name);
  const compiled = ts.transpileModule(block.code, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: `${name}.ts`,
  });
  writeFileSync(file, `// ${block.file}:${block.line}\n${compiled.outputText}`);
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
    if (result.exitCode === 0) rmSync(file);
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

/**
 * Type-checks the given TypeScript blocks as the modules a user would save them as, with the packages'
 * compiler settings (strict, noUncheckedIndexedAccess), against the installed packages' types. Returns
 * the diagnostics as `file:line: message` lines, empty when every block type-checks.
 * In plain words: the examples compile, not just run.
 */
export function typeCheckDocBlocks(blocks: CodeBlock[], packageDir: string): string[] {
  const folder = join(packageDir, '.doc-examples', 'type-check');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const origins = new Map<string, CodeBlock>();
  for (const block of blocks) {
    const file = join(folder, `${block.file.replace(/[^A-Za-z0-9]+/g, '-')}-line-${block.line}.ts`);
    // `export {}` makes a block without imports a module too, so top-level await is allowed.
    writeFileSync(file, `${block.code}export {};\n`);
    origins.set(file, block);
  }
  const program = ts.createProgram([...origins.keys()], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const block = diagnostic.file ? origins.get(diagnostic.file.fileName) : undefined;
    if (!diagnostic.file || !block || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${block.file}:${block.line + 1 + line}: ${message}`;
  });
  if (problems.length === 0) rmSync(folder, { recursive: true, force: true });
  return problems;
}

/** Why a block failed, for the test message: where it is, how it ended, the end of what it printed. */
function failureText(block: CodeBlock, result: DocBlockResult, timeoutMs: number): string {
  const ending = result.timedOut ? `timed out after ${timeoutMs / 1000} s` : `exited with code ${result.exitCode}`;
  return `${block.file}:${block.line}: the ${block.language} block ${ending}:\n${result.output.slice(-4000)}`;
}

/**
 * Vitest suites for the docs that `scripts/doc-examples-manifest.ts` assigns to this package: per doc, a
 * test that its blocks are the ones the manifest counts, and one test per runnable block.
 * @example describeDocExamples(new URL('..', import.meta.url)); // in packages/losses/test/doc-examples.test.ts
 * In plain words: this package's docs, every example in them run as a test.
 */
export function describeDocExamples(packageUrl: URL): void {
  const packageDir = fileURLToPath(packageUrl);
  const runIn = relative(repoRoot, packageDir).replace(/\\/g, '/');
  const entries = docExamples.filter((entry) => entry.runIn === runIn);
  if (entries.length === 0) throw new Error(`describeDocExamples: no doc in the manifest has runIn '${runIn}'`);
  for (const entry of entries) {
    describe(`${entry.doc}: code blocks`, () => {
      const blocks = extractCodeBlocks(readFileSync(join(repoRoot, entry.doc), 'utf8'), entry.doc);
      test('holds the blocks the manifest counts', () => {
        expect(countBlockKinds(blocks)).toEqual(entry.blocks);
      });
      const typeScriptBlocks = blocks.filter((block) => block.kind === 'run' && block.language === 'ts');
      if (typeScriptBlocks.length > 0) {
        test('its ts blocks type-check', { timeout: 120_000 }, () => {
          expect(typeCheckDocBlocks(typeScriptBlocks, packageDir)).toEqual([]);
        });
      }
      for (const block of blocks.filter((candidate) => candidate.kind === 'run')) {
        test(`line ${block.line} (${block.language}) runs`, { timeout: docBlockTimeoutMs + 30_000 }, async () => {
          const result = await runDocBlock(block, packageDir);
          if (result.exitCode !== 0) throw new Error(failureText(block, result, docBlockTimeoutMs));
          if (process.env.BAIHUA_DOC_EXAMPLES_VERBOSE)
            process.stdout.write(`${block.file}:${block.line}\n${result.output}`);
        });
      }
    });
  }
}

/** Every README.md in the repository and every .md file in a docs/ folder, relative to the root. */
export function findDocs(folder = repoRoot): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!['node_modules', '.git', 'dist', '.turbo', '.doc-examples'].includes(entry.name))
        found.push(...findDocs(path));
    } else if (entry.name === 'README.md' || (entry.name.endsWith('.md') && folder.endsWith('/docs'))) {
      found.push(relative(repoRoot, path).replace(/\\/g, '/'));
    }
  }
  return found.sort();
}

/**
 * The repository-wide check: every doc is in the manifest (and nothing else is), each with the counted
 * blocks, each `runIn` an existing package folder, and every `json` block parses.
 * In plain words: no doc, and no code block in one, is left out of the docs test.
 */
export function describeDocsCoverage(): void {
  describe('docs: every code block is marked and counted', () => {
    test('the manifest lists exactly the README.md and docs/*.md files', () => {
      expect(docExamples.map((entry) => entry.doc).sort()).toEqual(findDocs());
    });
    for (const entry of docExamples) {
      test(`${entry.doc}`, () => {
        const blocks = extractCodeBlocks(readFileSync(join(repoRoot, entry.doc), 'utf8'), entry.doc);
        expect(countBlockKinds(blocks)).toEqual(entry.blocks);
        if ((entry.blocks.run ?? 0) > 0)
          expect(existsSync(join(repoRoot, entry.runIn ?? '-', 'package.json'))).toBe(true);
        for (const block of blocks.filter((candidate) => candidate.kind === 'json')) {
          expect(() => JSON.parse(block.code), `${entry.doc}:${block.line}`).not.toThrow();
        }
      });
    }
  });
}
