import { nodeBuiltin } from '../backends/runtime.js';
import { ArgumentError } from '../errors/argument-error.js';
import type { Layer } from '../layers/layer.js';
import { deserializeModelAs } from './deserialize-model.js';
import { checkLoadOptions, type LoadModelOptions } from './load-options.js';
import { serializeModel } from './serialize-model.js';

/** File names inside a saved model's directory. */
export const modelFileNames = { topology: 'model.json', weights: 'weights.bin' } as const;

interface NodeFs {
  promises: {
    mkdir(path: string, options: { recursive: boolean }): Promise<unknown>;
    writeFile(path: string, data: string | Uint8Array): Promise<void>;
    readFile(path: string, encoding?: 'utf8'): Promise<string | Uint8Array>;
  };
}
interface NodePath {
  join(...parts: string[]): string;
}

function nodeModules(fn: string): { fs: NodeFs; path: NodePath } {
  const fs = nodeBuiltin<NodeFs>('node:fs');
  const path = nodeBuiltin<NodePath>('node:path');
  if (!fs || !path)
    throw new ArgumentError(
      fn,
      'needs Node.js >= 20.16 (process.getBuiltinModule); in browsers use serializeModel / deserializeModel',
    );
  return { fs, path };
}

/**
 * Saves a built model into `directory` (created if needed) as `model.json` (topology, format
 * version, weight manifest) and `weights.bin` (float32 little-endian). Node only.
 * @example await saveModel(model, './models/mnist-mlp');
 * In plain words: put the blueprint and the knob settings in a folder.
 */
export async function saveModel(model: Layer, directory: string): Promise<void> {
  if (typeof directory !== 'string' || directory.length === 0)
    throw new ArgumentError(
      'saveModel',
      `expected directory to be a non-empty string, got ${JSON.stringify(directory)}`,
    );
  const { fs, path } = nodeModules('saveModel');
  const { topology, weights } = await serializeModel(model);
  await fs.promises.mkdir(directory, { recursive: true });
  await fs.promises.writeFile(path.join(directory, modelFileNames.topology), `${JSON.stringify(topology, null, 1)}\n`);
  await fs.promises.writeFile(path.join(directory, modelFileNames.weights), new Uint8Array(weights));
}

/**
 * Loads a model saved by saveModel, with every check of deserializeModel (malformed, truncated,
 * mismatched or hostile files, and weights holding NaN or +-Infinity unless `allowNonFinite: true`,
 * are refused with a clear error and nothing left behind). Node only.
 * @example const model = await loadModel('./models/mnist-mlp');
 * In plain words: rebuild the machine from the folder, or refuse if anything in it is off.
 */
export async function loadModel(directory: string, options: LoadModelOptions = {}): Promise<Layer> {
  checkLoadOptions('loadModel', options);
  if (typeof directory !== 'string' || directory.length === 0)
    throw new ArgumentError(
      'loadModel',
      `expected directory to be a non-empty string, got ${JSON.stringify(directory)}`,
    );
  const { fs, path } = nodeModules('loadModel');
  const read = async (name: string, encoding?: 'utf8') => {
    try {
      return await fs.promises.readFile(path.join(directory, name), encoding);
    } catch (error) {
      throw new ArgumentError('loadModel', `cannot read ${path.join(directory, name)}: ${(error as Error).message}`);
    }
  };
  const topology = (await read(modelFileNames.topology, 'utf8')) as string;
  const weights = (await read(modelFileNames.weights)) as Uint8Array;
  return deserializeModelAs('loadModel', { topology, weights }, options);
}
