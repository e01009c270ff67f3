import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
// Through the package entry, which also makes cpu the default backend (no useBackend here).
import {
  Adam,
  cosineDecay,
  Dense,
  earlyStopping,
  evaluate,
  exponentialDecay,
  fit,
  predict,
  RmsProp,
  Sgd,
  stepDecay,
} from '../index.js';

const mse = (labels: tf.Tensor, predictions: tf.Tensor) => tf.mean(tf.square(tf.sub(predictions, labels))) as tf.Scalar;

test('fit, evaluate and predict refuse a mistyped option key, suggesting the known one', async () => {
  const x = tf.ones([4, 2]);
  const y = tf.ones([4, 1]);
  const model = new Dense({ units: 1 });
  const data = { x, y };
  const before = tf.memory().numTensors;
  await expect(fit(model, data, { loss: mse, epoch: 3 } as never)).rejects.toThrow(
    /^fit: unknown key 'epoch' in options \(did you mean 'epochs'\? known: augment, batchSize, callbacks, /,
  );
  await expect(fit(model, data, { loss: mse, validation_split: 0.5 } as never)).rejects.toThrow(
    /fit: unknown key 'validation_split' in options \(did you mean 'validationSplit'\?/,
  );
  await expect(fit(model, data, { loss: mse, stopOnNaN: false } as never)).rejects.toThrow(
    /fit: unknown key 'stopOnNaN' in options \(did you mean 'stopOnNonFinite'\?/,
  );
  await expect(evaluate(model, data, { loss: mse, batch: 8 } as never)).rejects.toThrow(
    /evaluate: unknown key 'batch' in options \(did you mean 'batchSize'\?/,
  );
  expect(() => predict(model, x, { batchsize: 8 } as never)).toThrow(
    /predict: unknown key 'batchsize' in options \(did you mean 'batchSize'\?/,
  );
  expect(tf.memory().numTensors).toBe(before);
  tf.dispose([x, y]);
  model.dispose();
});

test('schedules, optimisers and earlyStopping refuse unknown keys', () => {
  expect(() => stepDecay({ every: 2, facter: 0.5 } as never)).toThrow(
    /stepDecay: unknown key 'facter' in options \(did you mean 'factor'\?/,
  );
  expect(() => exponentialDecay({ decay: 0.5 } as never)).toThrow(/exponentialDecay: unknown key 'decay' in options/);
  expect(() => cosineDecay({ warmup: 10 } as never)).toThrow(
    /cosineDecay: unknown key 'warmup' in options \(did you mean 'warmupSteps'\?/,
  );
  expect(() => new Sgd({ learningrate: 0.1 } as never)).toThrow(
    /Sgd: unknown key 'learningrate' in options \(did you mean 'learningRate'\?/,
  );
  expect(() => new Adam({ beta_1: 0.8 } as never)).toThrow(
    /Adam: unknown key 'beta_1' in options \(did you mean 'beta1'\?/,
  );
  expect(() => new RmsProp({ decay: 0.9 } as never)).toThrow(/RmsProp: unknown key 'decay' in options/);
  expect(() => earlyStopping({ patients: 3 } as never)).toThrow(
    /earlyStopping: unknown key 'patients' in options \(did you mean 'patience'\?/,
  );
});
