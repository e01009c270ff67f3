import { ArgumentError, assertKnownOptions } from '@baihua/core';

/** Options of {@link exportOnnx}. */
export interface ExportOnnxOptions {
  /** The graph's name in the file. Default: the model's name. */
  name?: string;
  /** A description stored as the model's doc string. Default: none. */
  docString?: string;
  /** Fixed batch size; default null: a dynamic batch dimension named 'batch'. */
  batchSize?: number | null;
  /** Names of the graph inputs. Default: a graph model's input names; 'input' for a Sequential. */
  inputNames?: string[];
  /** Names of the graph outputs. Default: a graph model's output names; 'output' for a Sequential. */
  outputNames?: string[];
  /**
   * Masks (from Masking or Embedding maskZero) become ONNX recurrent ops' sequence lengths, the
   * count of valid steps: the same as the mask only when every sequence is right-padded (no valid
   * step after a masked one). Default 'refuse': a model that makes masks is refused; 'right-padded'
   * exports it on that assumption.
   */
  masks?: 'refuse' | 'right-padded';
}

export const exportOnnxOptionKeys = ['name', 'docString', 'batchSize', 'inputNames', 'outputNames', 'masks'] as const;

/** Checks the options; returns them with defaults where the model does not decide. */
export function checkExportOptions(options: ExportOnnxOptions | undefined): ExportOnnxOptions {
  assertKnownOptions('exportOnnx', 'options', options, exportOnnxOptionKeys);
  const o = options ?? {};
  for (const key of ['name', 'docString'] as const)
    if (o[key] !== undefined && typeof o[key] !== 'string')
      throw new ArgumentError('exportOnnx', `expected options.${key} to be a string, got ${typeof o[key]}`);
  if (o.batchSize !== undefined && o.batchSize !== null && !(Number.isInteger(o.batchSize) && o.batchSize > 0))
    throw new ArgumentError(
      'exportOnnx',
      `expected options.batchSize to be a positive integer or null, got ${o.batchSize}`,
    );
  if (o.masks !== undefined && o.masks !== 'refuse' && o.masks !== 'right-padded')
    throw new ArgumentError(
      'exportOnnx',
      `expected options.masks to be 'refuse' or 'right-padded', got ${JSON.stringify(o.masks)}`,
    );
  for (const key of ['inputNames', 'outputNames'] as const) {
    const names = o[key];
    if (names === undefined) continue;
    if (!Array.isArray(names) || !names.every((n) => typeof n === 'string' && n.length > 0))
      throw new ArgumentError(
        'exportOnnx',
        `expected options.${key} to be an array of non-empty strings, got ${JSON.stringify(names)}`,
      );
    if (new Set(names).size !== names.length)
      throw new ArgumentError('exportOnnx', `expected distinct options.${key}, got ${names.join(', ')}`);
  }
  return o;
}

/** Checks that a list of names given in the options fits the model's inputs or outputs. */
export function namesFor(key: 'inputNames' | 'outputNames', given: string[] | undefined, defaults: string[]): string[] {
  if (given === undefined) return defaults;
  if (given.length !== defaults.length)
    throw new ArgumentError(
      'exportOnnx',
      `expected ${defaults.length} options.${key} (one per model ${key.slice(0, -5)}), got ${given.length}`,
    );
  return given;
}
