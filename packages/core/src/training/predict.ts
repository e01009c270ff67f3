import * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions } from '../checks/option-keys.js';
import { assertPositiveInteger } from '../checks/value-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import type { Layer } from '../layers/layer.js';
import { modelSlots } from './labelled-data.js';
import { runModel } from './model-io.js';
import { arrangeTensors, commonRows, type ModelTensors } from './model-tensors.js';
import { assertModel } from './train-step.js';

/** Options of {@link predict} and {@link predictMulti}. */
export interface PredictOptions {
  /** Rows per forward pass. Default 256. */
  batchSize?: number;
}

/**
 * Runs the model in inference mode over x in batches and concatenates the outputs.
 * x: [N, ...] -> [N, ...output]; for several inputs, an array (the model's order) or a record by
 * input name. A model with several outputs: use {@link predictMulti}. Default batchSize 256.
 * On error nothing is left behind.
 * @example const probabilities = tf.softmax(predict(model, testImages));
 * In plain words: ask the trained model for its answers, a handful of questions at a time.
 */
export function predict(model: Layer, x: ModelTensors, options: PredictOptions = {}): tf.Tensor {
  const outputs = predictOutputs('predict', model, x, options);
  if (outputs.length !== 1) {
    tf.dispose(outputs);
    throw new ArgumentError(
      'predict',
      `model '${model.name}' has ${outputs.length} outputs: use predictMulti, which returns one tensor per output`,
    );
  }
  return outputs[0] as tf.Tensor;
}

/**
 * Like {@link predict}, for a model with several outputs: one tensor per output, in the model's
 * output order (`model.outputNames`), each [N, ...].
 * @example const [digit, box] = predictMulti(model, { image: images });
 * In plain words: every answer the model gives, for every question.
 */
export function predictMulti(model: Layer, x: ModelTensors, options: PredictOptions = {}): tf.Tensor[] {
  return predictOutputs('predictMulti', model, x, options);
}

function predictOutputs(fn: string, model: Layer, x: ModelTensors, options: PredictOptions): tf.Tensor[] {
  assertKnownOptions(fn, 'options', options, ['batchSize']);
  const { batchSize = 256 } = options;
  assertModel(fn, model);
  const arranged = arrangeTensors(fn, 'x', x, modelSlots(model).inputs);
  assertPositiveInteger(fn, 'batchSize', batchSize);
  const xs = arranged.tensors;
  const n = commonRows(fn, 'x', [arranged]);
  if (n <= batchSize) return runModel(model, xs, false);
  return tf.tidy(() => {
    const parts: tf.Tensor[][] = [];
    for (let start = 0; start < n; start += batchSize) {
      const size = Math.min(batchSize, n - start);
      parts.push(
        runModel(
          model,
          xs.map((t) => tf.slice(t, start, size)),
          false,
        ),
      );
    }
    return (parts[0] as tf.Tensor[]).map((_, k) =>
      tf.concat(
        parts.map((outputs) => outputs[k] as tf.Tensor),
        0,
      ),
    );
  });
}
