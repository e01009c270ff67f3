// Every published package declares exactly what its code imports: `dependencies` are the packages
// its source (not its tests) imports, besides its peers; its tests import nothing undeclared.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importedPackages, isTestFile, publishedPackages, root, typeScriptFiles } from './workspace.js';

const rootDevDependencies = Object.keys(
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies ?? {},
);

describe.each(publishedPackages().map((p) => [p.name, p] as const))('%s', (name, pkg) => {
  const { dependencies = {}, devDependencies = {}, peerDependencies = {} } = pkg.manifest;
  const files = [...typeScriptFiles(join(pkg.dir, 'src')), ...typeScriptFiles(join(pkg.dir, 'test'))];
  const importsOf = (list: string[]) => new Set(list.flatMap(importedPackages).filter((p) => p !== name));

  test('dependencies are exactly the packages its source imports, besides peers', () => {
    const used = importsOf(files.filter((f) => !isTestFile(f)));
    const needed = [...used].filter((p) => !(p in peerDependencies)).sort();
    expect(Object.keys(dependencies).sort()).toEqual(needed);
  });

  test('its tests import only declared packages (its own, or the workspace root dev tools)', () => {
    const declared = new Set([
      ...Object.keys(dependencies),
      ...Object.keys(devDependencies),
      ...Object.keys(peerDependencies),
      ...rootDevDependencies,
    ]);
    const undeclared = files
      .filter(isTestFile)
      .flatMap((file) => importedPackages(file).map((p) => ({ file: relative(root, file), p })))
      .filter(({ p }) => p !== name && !declared.has(p));
    expect(undeclared).toEqual([]);
  });
});
