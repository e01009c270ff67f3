import { ArgumentError } from '../errors/argument-error.js';
import type { Layer, LayerConfig } from './layer.js';

/**
 * Rebuilds an unbuilt layer from its `getConfig()` JSON, given without its `type` (so it can be
 * passed to the constructor as options, which rejects unknown keys).
 */
export type LayerFactory = (config: Record<string, unknown>) => Layer;

const registryKey = Symbol.for('baihua.layerRegistry');

function registry(): Map<string, LayerFactory> {
  const holder = globalThis as { [registryKey]?: Map<string, LayerFactory> };
  holder[registryKey] ??= new Map();
  return holder[registryKey];
}

/**
 * Registers a layer class by type name, so that saved models can be loaded: `layerFromConfig`
 * calls `factory(options)` for a config whose `type` is `typeName` (the options are the config
 * without `type`). The type name is the exported class name, without a package prefix (`Dense`,
 * `Conv2D`, `LSTM`), so it must be unique across packages: one registry per process, shared by
 * every installed copy of @baihua/core. Registering a name again with the same factory (the same
 * function, or the same source text, as a second installed copy of the same package has) replaces
 * it; a different factory is refused, so two packages cannot silently take each other's name.
 *
 * @example
 * registerLayerType('Conv2D', (config) => new Conv2D(config as unknown as Conv2DOptions));
 *
 * In plain words: a phone book from type names to the code that builds them.
 */
export function registerLayerType(typeName: string, factory: LayerFactory): void {
  if (typeof typeName !== 'string' || !/^[A-Za-z][A-Za-z0-9_.-]*$/.test(typeName)) {
    throw new ArgumentError(
      'registerLayerType',
      `expected typeName of letters, digits, '_', '.', '-' (starting with a letter), got ${JSON.stringify(typeName)}`,
    );
  }
  if (typeof factory !== 'function')
    throw new ArgumentError('registerLayerType', `expected factory to be a function, got ${typeof factory}`);
  const existing = registry().get(typeName);
  if (existing !== undefined && existing !== factory && String(existing) !== String(factory)) {
    throw new ArgumentError(
      'registerLayerType',
      `layer type '${typeName}' is registered already by another factory; ` +
        'give your layer a type name of its own (type names are unique across packages)',
    );
  }
  registry().set(typeName, factory);
}

/** The registered layer type names, sorted. */
export function registeredLayerTypes(): string[] {
  return [...registry().keys()].sort();
}

/**
 * Builds an unbuilt layer from a config (`{ type, ...options }`) with the registered factory.
 * @throws ArgumentError for a missing or unknown type, naming the registered types.
 */
export function layerFromConfig(config: LayerConfig): Layer {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new ArgumentError(
      'layerFromConfig',
      `expected a layer config object, got ` +
        `${config === null ? 'null' : Array.isArray(config) ? 'an array' : typeof config}`,
    );
  }
  const type = config.type;
  const factory = typeof type === 'string' ? registry().get(type) : undefined;
  if (!factory || !Object.hasOwn(config, 'type')) {
    throw new ArgumentError(
      'layerFromConfig',
      `unknown layer type ${JSON.stringify(type)} (registered: ${registeredLayerTypes().join(', ')}); import the ` +
        `package that defines it first`,
    );
  }
  const { type: _type, ...options } = config;
  return factory(options);
}
