import { ArgumentError } from '../errors/argument-error.js';
import type { Layer, LayerConfig } from './layer.js';

/** Rebuilds an unbuilt layer from its `getConfig()` JSON. */
export type LayerFactory = (config: LayerConfig) => Layer;

const registryKey = Symbol.for('baihua.layerRegistry');

function registry(): Map<string, LayerFactory> {
  const holder = globalThis as { [registryKey]?: Map<string, LayerFactory> };
  holder[registryKey] ??= new Map();
  return holder[registryKey];
}

/**
 * Registers a layer class by type name, so that saved models can be loaded: `layerFromConfig`
 * calls `factory(config)` for a config whose `type` is `typeName`. One registry per process,
 * shared by every installed copy of @baihua/core. Registering a name again replaces it.
 *
 * @example
 * registerLayerType('cnn.Conv2d', (config) => new Conv2d(config as Conv2dOptions));
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
      `expected a layer config object, got ${config === null ? 'null' : Array.isArray(config) ? 'an array' : typeof config}`,
    );
  }
  const type = config.type;
  const factory = typeof type === 'string' ? registry().get(type) : undefined;
  if (!factory || !Object.hasOwn(config, 'type')) {
    throw new ArgumentError(
      'layerFromConfig',
      `unknown layer type ${JSON.stringify(type)} (registered: ${registeredLayerTypes().join(', ')}); import the package that defines it first`,
    );
  }
  return factory(config);
}
