import type * as tf from '@tensorflow/tfjs-core';
import { assertTensor, describeShape } from '../checks/tensor-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { Layer } from '../layers/layer.js';

const fn = 'loadWeightsByName';

const listed = (names: string[]) =>
  names
    .slice(0, 5)
    .map((n) => `'${n}'`)
    .join(', ') + (names.length > 5 ? `, ... (${names.length} in all)` : '');

/**
 * Sets every weight of a built `model` from named tensors (e.g. {@link readTfjsWeights}' result):
 * `mapping[weight.path] = tensor name`, one entry per model weight (`layer/weight`, as
 * `model.weights()` lists them). Everything is checked before any weight changes: a model weight
 * the mapping leaves unloaded, a mapping key the model lacks, a tensor name `namedTensors` lacks,
 * a shape that differs, or a non-numeric dtype is an ArgumentError / ShapeError naming
 * `loadWeightsByName` and the argument, and the model is left as it was. Values are copied in
 * (int32 cast to float32); the caller still owns and disposes `namedTensors`.
 *
 * @example
 * const named = await readTfjsWeights(manifest, readShard);
 * loadWeightsByName(model, named, { 'dense_1/kernel': 'fc/weights', 'dense_1/bias': 'fc/bias' });
 * tf.dispose(Object.values(named));
 *
 * In plain words: put each stored tensor into the knob whose name the mapping gives, all or none.
 */
export function loadWeightsByName(
  model: Layer,
  namedTensors: Readonly<Record<string, tf.Tensor>>,
  mapping: Readonly<Record<string, string>>,
): void {
  if (!(model instanceof Layer)) throw new ArgumentError(fn, `expected model to be a Layer, got ${typeof model}`);
  if (namedTensors === null || typeof namedTensors !== 'object')
    throw new ArgumentError(fn, `expected namedTensors to be an object of tensors, got ${namedTensors}`);
  if (mapping === null || typeof mapping !== 'object')
    throw new ArgumentError(fn, `expected mapping to be an object { weightPath: tensorName }, got ${mapping}`);
  const weights = model.weights();
  if (weights.length === 0)
    throw new ArgumentError(fn, `expected model '${model.name}' to be built (have weights), got none: build it first`);
  const paths = new Set(weights.map((w) => w.path));
  const unloaded = [...paths].filter((p) => !Object.hasOwn(mapping, p));
  if (unloaded.length > 0)
    throw new ArgumentError(fn, `expected mapping to cover every model weight, got none for ${listed(unloaded)}`);
  const unknown = Object.keys(mapping).filter((p) => !paths.has(p));
  if (unknown.length > 0)
    throw new ArgumentError(fn, `expected mapping keys to be model weight paths, got ${listed(unknown)}`);
  for (const w of weights) {
    const name = mapping[w.path] as string;
    if (!Object.hasOwn(namedTensors, name))
      throw new ArgumentError(fn, `expected namedTensors to hold '${name}' (for '${w.path}'), got no such tensor`);
    const t = namedTensors[name];
    assertTensor(fn, `namedTensors['${name}']`, t);
    if (t.isDisposed)
      throw new ArgumentError(fn, `expected namedTensors['${name}'] to be alive, got a disposed tensor`);
    if (t.dtype !== 'float32' && t.dtype !== 'int32')
      throw new ArgumentError(fn, `expected namedTensors['${name}'] of dtype float32 or int32, got ${t.dtype}`);
    if (t.rank !== w.shape.length || t.shape.some((d, k) => d !== w.shape[k]))
      throw new ShapeError(
        fn,
        `expected namedTensors['${name}'] of shape ${describeShape(w.shape)} (for '${w.path}'), got ` +
          `${describeShape(t.shape)}`,
      );
  }
  for (const w of weights) w.assign(namedTensors[mapping[w.path] as string] as tf.Tensor);
}
