/** The area packages some cases use that are not (yet) dependencies of @baihua/bench. */
export type AreaPackageName = '@baihua/cnn' | '@baihua/rnn';

type Loader = () => Promise<unknown>;
const loadersKey = Symbol.for('baihua.bench.areaPackageLoaders');

/**
 * Provides loaders for area packages ahead of the by-name import, e.g. in the device bundle,
 * which bundles them and cannot resolve names at run time.
 *
 * @example registerAreaPackageLoaders({ '@baihua/cnn': () => import('@baihua/cnn') });
 */
export function registerAreaPackageLoaders(loaders: Partial<Record<AreaPackageName, Loader>>): void {
  const state = globalThis as { [loadersKey]?: Partial<Record<string, Loader>> };
  state[loadersKey] = { ...(state[loadersKey] ?? {}), ...loaders };
}

/**
 * Imports an area package when a case is set up (not when the bench starts), by name at run time,
 * so the bench builds and runs whether or not the package is installed yet: without it, only its
 * rows fail, with an error that says how to add it.
 *
 * @example const cnn = await importAreaPackage<CnnPackage>('@baihua/cnn');
 *
 * In plain words: borrow the package only when it is needed, and say clearly when it is not there.
 */
export async function importAreaPackage<T>(name: AreaPackageName): Promise<T> {
  const loader = (globalThis as { [loadersKey]?: Partial<Record<string, Loader>> })[loadersKey]?.[name];
  if (loader) return (await loader()) as T;
  const specifier: string = name;
  try {
    return (await import(/* @vite-ignore */ specifier)) as T;
  } catch (error) {
    const cause = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(
      `${name} could not be imported (${cause}). ` +
        `If it is missing: add "${name}": "workspace:^" to packages/bench/package.json and run pnpm install`,
    );
  }
}
