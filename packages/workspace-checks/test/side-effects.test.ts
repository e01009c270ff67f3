// One side-effect policy for every published package: importing its main entry registers what it
// defines (layer types, initialisers, gradients, kernels), and package.json's `sideEffects` says
// so exactly: `false` when no source file registers anything, else the built entries plus exactly
// the source files that run a call at module level (a registration), with no other file listed.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { isTestFile, publishedPackages, typeScriptFiles } from './workspace.js';

/** Whether a source file runs a call when it is evaluated (outside any function or class). */
function callsAtModuleLevel(file: string): boolean {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  return source.statements.some(
    (statement) =>
      ts.isExpressionStatement(statement) &&
      (ts.isCallExpression(statement.expression) || ts.isAwaitExpression(statement.expression)),
  );
}

/** `./src/layers/*.ts` matches every .ts file directly in src/layers; other entries match themselves. */
function matches(pattern: string, path: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
  return regex.test(path);
}

describe.each(publishedPackages().map((p) => [p.name, p] as const))('%s', (_name, pkg) => {
  const sideEffects = (pkg.manifest as { sideEffects?: boolean | string[] }).sideEffects;
  const registering = typeScriptFiles(join(pkg.dir, 'src'))
    .filter((file) => !isTestFile(file) && callsAtModuleLevel(file))
    .map((file) => `./${relative(pkg.dir, file)}`)
    .sort();

  test('sideEffects names exactly the source files that register something, and the built entries', () => {
    if (registering.length === 0) {
      expect(sideEffects).toBe(false);
      return;
    }
    expect(Array.isArray(sideEffects)).toBe(true);
    const patterns = sideEffects as string[];
    const sourcePatterns = patterns.filter((p) => p.startsWith('./src/'));
    const sources = typeScriptFiles(join(pkg.dir, 'src'))
      .filter((file) => !isTestFile(file))
      .map((file) => `./${relative(pkg.dir, file)}`);
    const listed = sources.filter((file) => sourcePatterns.some((p) => matches(p, file))).sort();
    expect(listed).toEqual(registering);
    expect(patterns).toEqual(expect.arrayContaining(['./dist/index.js', './dist/index.cjs']));
  });
});
