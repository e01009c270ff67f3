// Where the workspace's packages are, and what their files import: shared by the workspace tests.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const root = fileURLToPath(new URL('../../..', import.meta.url));

/** A workspace package: its folder, its package.json, and whether it is published. */
export interface WorkspacePackage {
  dir: string;
  name: string;
  manifest: {
    name: string;
    private?: boolean;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    exports?: Record<string, unknown>;
  };
}

/** Every package under packages/ and examples/. */
export function workspacePackages(): WorkspacePackage[] {
  return ['packages', 'examples'].flatMap((area) =>
    readdirSync(join(root, area))
      .map((name) => join(root, area, name))
      .filter((dir) => existsSync(join(dir, 'package.json')))
      .map((dir) => {
        const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
        return { dir, name: manifest.name as string, manifest };
      }),
  );
}

/** The packages that are published (not private). */
export function publishedPackages(): WorkspacePackage[] {
  return workspacePackages().filter((p) => p.manifest.private !== true);
}

/** The .ts files under `dir`, recursively, skipping node_modules and dist. */
export function typeScriptFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return typeScriptFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/** Test files: `*.test.ts` and `*.test-d.ts` anywhere, and everything under a `test/` folder. */
export function isTestFile(path: string): boolean {
  return /\.test(-d)?\.ts$/.test(path) || /[\\/]test[\\/]/.test(path);
}

/**
 * The packages a file imports (static and dynamic imports, `export ... from`, `require`), as
 * package names (`@tensorflow/tfjs-core` for `@tensorflow/tfjs-core/dist/...`), without relative
 * paths and Node's built-in modules.
 */
export function importedPackages(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('/') && !isBuiltin(specifier))
    .map((specifier) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}
