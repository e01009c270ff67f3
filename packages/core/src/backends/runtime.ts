/**
 * Where we are running, and access to Node built-ins without static `node:` imports, so that
 * browser bundles of @baihua/core never see a Node module (`process.getBuiltinModule`, Node >= 20.16).
 */
export function isNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

export function nodeBuiltin<T>(name: string): T | undefined {
  if (!isNode()) return undefined;
  const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  return getBuiltin?.(name) as T | undefined;
}

/**
 * `import()` by a computed name: bundlers leave it alone, so optional packages (the `webgpu`
 * Dawn binding, backends the user did not install) are loaded only when asked for, at run time.
 */
export function importOptional(packageName: string): Promise<unknown> {
  return import(/* @vite-ignore */ /* webpackIgnore: true */ packageName);
}
