// No two exported names of the published packages differ only in letter case (Conv2dOptions and
// Conv2DOptions were both exported once): read every entry's exports, values and types, with the
// TypeScript compiler, as a user's editor sees them. One pairing is allowed, as in tfjs and Keras:
// an op function and the layer class that applies it (`conv2d` computes, `new Conv2D()` is a layer).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';
import { publishedPackages } from './workspace.js';

/**
 * The entry files of a package: src/index.ts and, where exported, src/<subpath>.ts (core's testing) or
 * src/<subpath>/index.ts (an application folder of @baihua/apps).
 */
function entryFiles(dir: string, exportsField: Record<string, unknown> | undefined): string[] {
  const subpaths = Object.keys(exportsField ?? { '.': true }).filter((key) => key !== './package.json');
  return subpaths
    .map((key) => {
      if (key === '.') return join(dir, 'src', 'index.ts');
      const file = join(dir, 'src', `${key.slice(2)}.ts`);
      return existsSync(file) ? file : join(dir, 'src', key.slice(2), 'index.ts');
    })
    .filter((file) => existsSync(file));
}

/** An exported name and what it is: 'class', 'function' or 'other' (types, constants). */
interface Exported {
  name: string;
  kind: 'class' | 'function' | 'other';
}

function exportedNames(entries: string[]): Map<string, Exported[]> {
  const program = ts.createProgram(entries, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const names = new Map<string, Exported[]>();
  for (const entry of entries) {
    const source = program.getSourceFile(entry);
    const symbol = source && checker.getSymbolAtLocation(source);
    if (!symbol) throw new Error(`cannot read the exports of ${entry}`);
    const exported = checker.getExportsOfModule(symbol).map((s): Exported => {
      const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
      const kind =
        target.flags & ts.SymbolFlags.Class ? 'class' : target.flags & ts.SymbolFlags.Function ? 'function' : 'other';
      return { name: s.getName(), kind };
    });
    names.set(entry, exported);
  }
  return names;
}

const packages = publishedPackages();
const byEntry = exportedNames(packages.flatMap((p) => entryFiles(p.dir, p.manifest.exports)));

test('every published entry exports something (the reader works)', () => {
  expect(byEntry.size).toBeGreaterThanOrEqual(packages.length);
  for (const [entry, names] of byEntry) expect(names.length, entry).toBeGreaterThan(0);
  const all = [...byEntry.values()].flat();
  expect(all).toEqual(
    expect.arrayContaining([
      { name: 'Conv2D', kind: 'class' },
      { name: 'conv2d', kind: 'function' },
      { name: 'Conv2DOptions', kind: 'other' },
      { name: 'ConvolutionOptions', kind: 'other' },
    ]),
  );
});

test('no two exported names differ only in letter case, within or across packages', () => {
  const spellings = new Map<string, Map<string, Exported['kind']>>();
  for (const { name, kind } of [...byEntry.values()].flat()) {
    const key = name.toLowerCase();
    spellings.set(key, (spellings.get(key) ?? new Map()).set(name, kind));
  }
  const opAndLayer = (kinds: Exported['kind'][]) =>
    kinds.length === 2 && kinds.includes('class') && kinds.includes('function');
  const clashes = [...spellings.values()]
    .filter((group) => group.size > 1 && !opAndLayer([...group.values()]))
    .map((group) => [...group.keys()].sort());
  expect(clashes).toEqual([]);
});
