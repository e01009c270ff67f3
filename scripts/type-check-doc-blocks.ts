// Type-checks documentation blocks: an example must compile for a TypeScript user, not just run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { CodeBlock } from './doc-code-blocks.js';

/**
 * Type-checks the given TypeScript blocks as the modules a user would save them as, with the packages'
 * compiler settings (strict, noUncheckedIndexedAccess), against the installed packages' types. Returns
 * the diagnostics as `file:line: message` lines, empty when every block type-checks.
 * In plain words: the examples compile, not just run.
 */
export function typeCheckDocBlocks(blocks: CodeBlock[], packageDir: string): string[] {
  mkdirSync(join(packageDir, '.doc-examples'), { recursive: true });
  const folder = mkdtempSync(join(packageDir, '.doc-examples', 'type-check-'));
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
  if (!process.env.BAIHUA_DOC_EXAMPLES_KEEP) rmSync(folder, { recursive: true, force: true });
  return problems;
}
