import { assertKnownOptions } from '../checks/option-keys.js';
import { ArgumentError } from '../errors/argument-error.js';
import type { SeededRandom } from '../random/seeded-random.js';

/**
 * Makes the initial values of a weight of `shape` (row-major), drawing from `random`. Runs in
 * plain JavaScript, so a seed gives the same values on cpu, wasm and webgpu.
 */
export type Initializer = (shape: readonly number[], random: SeededRandom) => Float32Array;

/**
 * An initialiser as layers take it and models save it: a registered name (`'glorotUniform'`) or
 * a name with parameters (`{ name: 'constant', value: 0.1 }`, `{ name: 'orthogonal', gain: 2 }`).
 */
export type InitializerSpec = string | { name: string; [parameter: string]: unknown };

/** Builds an initialiser from a spec's parameters (everything but `name`). */
export type InitializerFactory = (parameters: Record<string, unknown>) => Initializer;

const registryKey = Symbol.for('baihua.initializerRegistry');

function registry(): Map<string, InitializerFactory> {
  const holder = globalThis as { [registryKey]?: Map<string, InitializerFactory> };
  holder[registryKey] ??= new Map();
  return holder[registryKey];
}

/**
 * Registers an initialiser factory under a name, for specs and saved models.
 * @example registerInitializer('ones', () => (shape) => new Float32Array(size(shape)).fill(1));
 */
export function registerInitializer(name: string, factory: InitializerFactory): void {
  if (typeof name !== 'string' || name.length === 0)
    throw new ArgumentError(
      'registerInitializer',
      `expected name to be a non-empty string, got ${JSON.stringify(name)}`,
    );
  if (typeof factory !== 'function')
    throw new ArgumentError('registerInitializer', `expected factory to be a function, got ${typeof factory}`);
  registry().set(name, factory);
}

/** The registered initialiser names, sorted. */
export function registeredInitializerNames(): string[] {
  return [...registry().keys()].sort();
}

/**
 * Turns a spec into an initialiser.
 * @throws ArgumentError for an unknown name, listing the known ones.
 */
export function resolveInitializer(spec: InitializerSpec): Initializer {
  const name = typeof spec === 'string' ? spec : spec !== null && typeof spec === 'object' ? spec.name : undefined;
  const factory =
    typeof name === 'string' && Object.hasOwn(Object.fromEntries(registry()), name) ? registry().get(name) : undefined;
  if (!factory) {
    throw new ArgumentError(
      'resolveInitializer',
      `unknown initializer ${JSON.stringify(name ?? spec)} (registered: ${registeredInitializerNames().join(', ')})`,
    );
  }
  const { name: _name, ...parameters } = typeof spec === 'string' ? { name: spec } : spec;
  return factory(parameters);
}

/**
 * For initialiser factories: refuses a spec key other than `name` and `parameterKeys`, suggesting
 * the closest (`{ name: 'constant', valu: 1 }` -> `constant: unknown key 'valu' in the initializer
 * spec (did you mean 'value'? ...)`).
 */
export function assertSpecKeys(
  name: string,
  parameters: Record<string, unknown>,
  parameterKeys: readonly string[],
): void {
  assertKnownOptions(name, 'the initializer spec', { name, ...parameters }, ['name', ...parameterKeys]);
}

/** The factory of an initialiser without parameters: refuses any spec key but `name`. */
export function withoutParameters(
  name: string,
  parameters: Record<string, unknown>,
  make: () => Initializer,
): Initializer {
  assertSpecKeys(name, parameters, []);
  return make();
}

/** The number of elements of a shape. */
export function shapeSize(shape: readonly number[]): number {
  return shape.reduce((n, s) => n * s, 1);
}

/**
 * Fan-in and fan-out of a weight, as Keras and PyTorch count them: [in, out] for a dense kernel;
 * [...receptive field, in, out] for a convolution kernel (fans multiplied by the field's size);
 * a vector counts its length for both.
 */
export function computeFans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length === 0) return { fanIn: 1, fanOut: 1 };
  if (shape.length === 1) return { fanIn: shape[0] as number, fanOut: shape[0] as number };
  const receptive = shapeSize(shape.slice(0, -2));
  return { fanIn: (shape.at(-2) as number) * receptive, fanOut: (shape.at(-1) as number) * receptive };
}
