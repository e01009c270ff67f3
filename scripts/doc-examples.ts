// The docs test: every ts/js block of every README.md and docs/*.md is type-checked and runs, as written
// (scripts/run-doc-block.ts). Which package runs which doc, and how many blocks of each kind a doc holds, is
// scripts/doc-examples-manifest.ts: a doc whose blocks vanish, or a new doc nobody runs, fails.
// BAIHUA_DOC_EXAMPLES_VERBOSE=1 prints what each block printed; BAIHUA_DOC_EXAMPLES_KEEP=1 keeps the compiled files.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { type CodeBlock, countBlockKinds, extractCodeBlocks } from './doc-code-blocks.js';
import { docExamples } from './doc-examples-manifest.js';
import { browserUnavailableReason } from './run-block-in-browser.js';
import { type DocBlockResult, docBlockTimeoutMs, runDocBlock } from './run-doc-block.js';
import { typeCheckDocBlocks } from './type-check-doc-blocks.js';

export { runDocBlock } from './run-doc-block.js';
export { typeCheckDocBlocks } from './type-check-doc-blocks.js';
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Why a block failed, for the test message: where it is, how it ended, the end of what it printed. */
function failureText(block: CodeBlock, result: DocBlockResult, timeoutMs: number): string {
  const ending = result.timedOut ? `timed out after ${timeoutMs / 1000} s` : `exited with code ${result.exitCode}`;
  const keep = "BAIHUA_DOC_EXAMPLES_KEEP=1 keeps the compiled block in the package's .doc-examples/";
  return `${block.file}:${block.line}: the ${block.language} block ${ending} (${keep}):\n${result.output.slice(-4000)}`;
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
      const runnable = blocks.filter((block) => block.kind === 'run' || block.kind === 'browser');
      const typeScriptBlocks = runnable.filter((block) => block.language === 'ts');
      if (typeScriptBlocks.length > 0) {
        test('its ts blocks type-check', { timeout: 120_000 }, () => {
          expect(typeCheckDocBlocks(typeScriptBlocks, packageDir)).toEqual([]);
        });
      }
      for (const block of runnable) {
        const where = block.kind === 'browser' ? 'in Chromium' : 'in Node.js';
        test(`line ${block.line} (${block.language}) runs ${where}`, {
          timeout: docBlockTimeoutMs + 30_000,
        }, async (context) => {
          const unavailable = block.kind === 'browser' ? browserUnavailableReason() : undefined;
          if (unavailable && !requiredOnCi()) context.skip(unavailable);
          const result = await runDocBlock(block, packageDir);
          if (result.exitCode !== 0) throw new Error(failureText(block, result, docBlockTimeoutMs));
          if (process.env.BAIHUA_DOC_EXAMPLES_VERBOSE)
            process.stdout.write(`${block.file}:${block.line}\n${result.output}`);
        });
      }
    });
  }
}

/**
 * Every README.md of the repository and every .md file in a docs/ folder, relative to the root: the files
 * git tracks or would track (so ignored copies, such as a mutation tester's sandbox, are left out).
 */
export function findDocs(): string[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
    encoding: 'utf8',
  }).split('\n');
  const isDoc = (file: string) => /(^|\/)README\.md$/.test(file) || /(^|\/)docs\/[^/]+\.md$/.test(file);
  return files.filter((file) => isDoc(file) && existsSync(join(repoRoot, file))).sort();
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

/** True on CI (`CI` set and not 'false'): there a block that cannot run here fails instead of being skipped. */
function requiredOnCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== 'false';
}
