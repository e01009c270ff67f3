// Gaps the mutation run of part training-fit's second batch found: whole refusal messages (the
// function hint only for functions, keys listed with commas, bad validationData named), a split
// that keeps no training row, augment with a one-input list model, class weights from one-hot
// labels, which labels fit reads (only for class weights), the accuracy kind from the output
// width, the validation batch size, and a progress reporter without `process`.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { useBackend } from '../backends/use-backend.js';
import { input, Model } from '../graph/index.js';
import { Add } from '../layers/add.js';
import { BatchNorm } from '../layers/batch-norm.js';
import { Dense } from '../layers/dense.js';
import { Dropout } from '../layers/dropout.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { classifyData } from './batch-stream.js';
import type { TrainingCallbacks } from './callbacks.js';
import { inspectLabels, probeOutputShapes } from './dataset-labels.js';
import { earlyStopping } from './early-stopping.js';
import { fit } from './fit.js';
import { splitValidation } from './fit-data.js';
import { arrangeLabelledData, modelSlots } from './labelled-data.js';
import { createProgressReporter } from './progress-reporter.js';
import { streamBatches } from './stream-batches.js';
import { messageOf } from '../../test/thrown-by.js';

const mse: LossFunction = (labels, predictions) => tf.mean(tf.square(tf.sub(predictions, labels)));
const oneHotCrossEntropy: LossFunction = (labels, logits) => tf.losses.softmaxCrossEntropy(labels, logits);
oneHotCrossEntropy.accuracyKind = 'categorical';

const dataKinds = 'tensors, a Dataset or an (async) iterable of { x, y } batches';

describe('fit part gaps (cpu)', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  test('classifyData: the generator hint only for a function; an object needs both x and y; keys with commas', () => {
    const start = `fit: expected data to be { x, y } ${dataKinds}, got`;
    expect(messageOf(() => classifyData('fit', 'data', null))).toBe(`${start} null`);
    expect(messageOf(() => classifyData('fit', 'data', 3))).toBe(`${start} number`);
    expect(messageOf(() => classifyData('fit', 'data', () => 1))).toBe(
      `${start} function (to use a generator function, pass fromGenerator(fn))`,
    );
    expect(messageOf(() => classifyData('fit', 'data', { y: 1 }))).toBe(`${start} an object with keys y`);
    expect(messageOf(() => classifyData('fit', 'data', { a: 1, b: 2 }))).toBe(`${start} an object with keys a, b`);
    const slots = modelSlots(new Dense({ units: 1 }));
    expect(messageOf(() => arrangeLabelledData('fit', 'data', { a: 1, b: 2 }, slots))).toBe(
      'fit: expected data to be { x, y }, got an object with keys a, b',
    );
  });

  test('splitValidation: a fraction that holds out every row leaves no training rows', () => {
    const x = tf.zeros([4, 1]);
    const data = { xs: [x], ys: [x], rows: 4 };
    const before = tf.memory().numTensors;
    expect(messageOf(() => splitValidation(data, 1, undefined))).toBe(
      'fit: validationSplit 1 of 4 rows leaves no training rows',
    );
    expect(messageOf(() => splitValidation(data, 0.2, undefined))).toBe(
      'fit: validationSplit 0.2 of 4 rows leaves no validation rows',
    );
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });

  test('fit names the model, validationData and a frozen model met in a stream, in whole messages', async () => {
    const x = tf.ones([3, 2]);
    const y = tf.ones([3, 1]);
    const model = new Dense({ units: 1 });
    const common = { loss: mse, progress: 'none' } as const;
    await expect(fit(3 as never, { x, y }, common)).rejects.toThrow(/^fit: expected model to be a Layer, got number$/);
    await expect(fit(model, { x, y }, { ...common, validationData: 3 as never })).rejects.toThrow(
      new RegExp(`^fit: expected validationData to be \\{ x, y \\} ${dataKinds.replace(/[()]/g, '\\$&')}, got number$`),
    );
    const short = { x: tf.ones([2, 2]), y: tf.ones([3, 1]) };
    const message = await fit(model, { x, y }, { ...common, validationData: short }).catch((e: Error) => e.message);
    expect(message).toMatch(/^fit: .*validationData/);
    expect(message).not.toMatch(/^fit: .*\bdata\.x/);
    const frozen = new Dense({ units: 1, trainable: false });
    await expect(fit(frozen, [{ x, y }], common)).rejects.toThrow(
      `fit: model '${frozen.name}' has no trainable weights (are all its layers frozen?)`,
    );
    tf.dispose([x, y, short.x, short.y]);
    model.dispose();
    frozen.dispose();
  });

  test('fit: unknown keys are refused listing every key once, optimizer among them', async () => {
    const x = tf.ones([2, 1]);
    const message = await fit(new Dense({ units: 1 }), { x, y: x }, { loss: mse, epoch: 2 } as never).catch(
      (e: Error) => e.message,
    );
    const known = /known: (.*)\)$/.exec(message as string)?.[1]?.split(', ') ?? [];
    expect(known.filter((key) => key === 'optimizer')).toEqual(['optimizer']);
    expect(new Set(known).size).toBe(known.length);
    expect(known).toContain('classWeights');
    x.dispose();
  });

  test('augment: refused for a list-taking layer without input names; a one-input model given [x] trains', async () => {
    const x = tf.ones([4, 2]);
    const y = tf.zeros([4, 2]);
    const augment = (t: tf.Tensor) => tf.mul(t, 2);
    await expect(fit(new Add(), { x: [x, x], y }, { loss: mse, augment, progress: 'none' })).rejects.toThrow(
      /^fit: expected augment only for a model with one input \(augment in a Dataset\.map instead\)$/,
    );
    const a = input({ shape: [2], name: 'a' });
    const model = new Model({ inputs: [a], outputs: new Dense({ units: 1, seed: 1 }).apply(a) });
    const targets = tf.ones([4, 1]);
    const history = await fit(model, { x: [x], y: targets }, { loss: mse, augment, progress: 'none' });
    expect(history.get('loss')).toHaveLength(1);
    tf.dispose([x, y, targets]);
    model.dispose();
  });

  test('class weights with one-hot labels: mean_i w_class(i) ln 2 at zero weights', async () => {
    // A zero kernel and bias give equal logits: every row's cross entropy is ln 2, so the weighted
    // batch loss before the first update is ln 2 x mean of the rows' class weights.
    const x = tf.tensor2d([
      [1, 0],
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
    const y = tf.tensor2d([
      [1, 0],
      [1, 0],
      [1, 0],
      [0, 1],
    ]);
    const model = new Dense({ units: 2, kernelInitializer: 'zeros' });
    const history = await fit(
      model,
      { x, y },
      { loss: oneHotCrossEntropy, classWeights: { 0: 3, 1: 1 }, batchSize: 4, progress: 'none' },
    );
    expect(history.get('loss')[0]).toBeCloseTo((Math.LN2 * (3 + 3 + 3 + 1)) / 4, 5);
    tf.dispose([x, y]);
    model.dispose();
  });

  test('fit reads no labels without class weights (tensors and streams), and reads them with', async () => {
    // Labels [N] for a [N, 1] output and a non-categorical loss are not class indices: no check reads them.
    const x = tf.tensor2d([[1], [2], [3]]);
    const y = tf.tensor1d([1, 1, 0]);
    const read = vi.spyOn(y, 'data');
    const loss: LossFunction = (labels, predictions) =>
      tf.mean(tf.square(tf.sub(tf.reshape(predictions, [-1]), labels)));
    const model = new Dense({ units: 1, seed: 1 });
    await fit(model, { x, y }, { loss, stopOnNonFinite: false, progress: 'none' });
    await fit(model, [{ x, y }], { loss, stopOnNonFinite: false, progress: 'none' });
    await fit(model, { x, y }, { loss, validationData: { x, y }, stopOnNonFinite: false, progress: 'none' });
    expect(read).not.toHaveBeenCalled();
    await fit(model, [{ x, y }], { loss, classWeights: { 0: 1, 1: 2 }, progress: 'none' });
    expect(read).toHaveBeenCalled();
    tf.dispose([x, y]);
    model.dispose();
  });

  test('inspectLabels: smoothed one-hot labels of the output rank are not class indices', async () => {
    const smoothed = tf.tensor2d([
      [0.9, 0.1],
      [0.1, 0.9],
    ]);
    expect(await inspectLabels('fit', 'data.y', smoothed, [1, 2], 'categorical', false)).toBeUndefined();
    smoothed.dispose();
  });

  test('probeOutputShapes runs the model in inference mode: a fresh BatchNorm keeps its moving mean', async () => {
    const norm = new BatchNorm();
    const x = tf.fill([3, 2], 5);
    expect(probeOutputShapes(norm, [x])).toEqual([[1, 2]]);
    expect(await norm.weight('movingMean').read().array()).toEqual([0, 0]);
    x.dispose();
    norm.dispose();
  });

  test('probeOutputShapes runs a two-output model when one output has a free last axis', () => {
    // Output d is known ([null, 2]), output v keeps its input's free width ([null, null]): only a
    // run tells v's width, which the class-index check needs.
    const a = input({ shape: [2], name: 'a' });
    const v = input({ shape: [null], name: 'v' });
    const model = new Model({
      inputs: [a, v],
      outputs: { d: new Dense({ units: 2, seed: 1 }).apply(a), v: new Dropout({ rate: 0.5 }).apply(v) },
    });
    const xa = tf.ones([4, 2]);
    const xv = tf.ones([4, 3]);
    expect(probeOutputShapes(model, [xa, xv])).toEqual([
      [1, 2],
      [1, 3],
    ]);
    tf.dispose([xa, xv]);
    model.dispose();
  });

  test('earlyStopping with restoreBestWeights: a fit stopped before its first epoch restores nothing', async () => {
    const x = tf.ones([2, 1]);
    const model = new Dense({ units: 1, seed: 1 });
    const stopAtOnce: TrainingCallbacks = { onTrainBegin: (control) => control.stopTraining() };
    const history = await fit(
      model,
      { x, y: x },
      { loss: mse, callbacks: [stopAtOnce, earlyStopping({ restoreBestWeights: true })], progress: 'none' },
    );
    expect(history.get('loss')).toEqual([]);
    x.dispose();
    model.dispose();
  });

  test('the accuracy kind follows the output width: index labels of a wide output are checked', async () => {
    // mse has no accuracy kind: with metrics ['accuracy'], a width of 3 makes it categorical, so
    // float labels [N] are class indices and 3 is out of range; so too for [N, 1] labels of [N, 1, 3].
    const x = tf.ones([4, 2]);
    const y = tf.tensor1d([0, 1, 3, 2]);
    const model = new Dense({ units: 3 });
    await expect(fit(model, { x, y }, { loss: mse, metrics: ['accuracy'], progress: 'none' })).rejects.toThrow(
      "fit: expected data.y class indices in [0, 3) (the model's output width), got 3 at row 2",
    );
    const steps = tf.ones([4, 1, 2]);
    const labels = tf.tensor2d([[0], [1], [3], [2]]);
    const sequence = new Dense({ units: 3 });
    await expect(
      fit(sequence, { x: steps, y: labels }, { loss: mse, metrics: ['accuracy'], progress: 'none' }),
    ).rejects.toThrow("fit: expected data.y class indices in [0, 3) (the model's output width), got 3 at row 2");
    tf.dispose([x, y, steps, labels]);
    model.dispose();
    sequence.dispose();
  });

  test('validationSplit is evaluated in batches of at least 256 rows, whatever batchSize', async () => {
    const x = tf.ones([8, 2]);
    const y = tf.ones([8, 1]);
    const model = new Dense({ units: 1, seed: 1 });
    model.apply(x).dispose();
    const sizes: [number, boolean][] = [];
    const apply = model.applyMulti.bind(model);
    vi.spyOn(model, 'applyMulti').mockImplementation((t, options) => {
      sizes.push([(t as tf.Tensor).shape[0] as number, options?.training ?? false]);
      return apply(t, options);
    });
    await fit(model, { x, y }, { loss: mse, batchSize: 2, validationSplit: 0.5, shuffle: false, progress: 'none' });
    expect(sizes).toEqual([
      [2, true],
      [2, true],
      [4, false],
    ]);
    tf.dispose([x, y]);
    model.dispose();
  });

  test('streamBatches: unreadable classes free the batch before the error; nothing to close twice', async () => {
    const slots = modelSlots(new Dense({ units: 1 }));
    const options = { fn: 'fit', argument: 'data', slots, stepsPerEpoch: undefined, epochs: 1 };
    const before = tf.memory().numTensors;
    function* words() {
      yield { x: tf.ones([1, 2]), y: tf.tensor2d([['a', 'b']]) };
    }
    const stream = classifyData('fit', 'data', words());
    if (!('stream' in stream)) throw new Error('expected a stream');
    const source = streamBatches(stream.stream, { ...options, stepsPerEpoch: 1, wantClasses: true });
    source.beginEpoch(0);
    await expect(source.next()).rejects.toThrow(/argMax/);
    expect(tf.memory().numTensors).toBe(before);
    // A re-iterable stream: endEpoch before any pass, and close() after endEpoch, have nothing to close.
    const x = tf.ones([1, 2]);
    const array = classifyData('fit', 'data', [{ x, y: x }]);
    if (!('stream' in array)) throw new Error('expected a stream');
    const again = streamBatches(array.stream, { ...options, wantClasses: false });
    await expect(again.endEpoch()).resolves.toBeUndefined();
    again.beginEpoch(0);
    expect((await again.next())?.rows).toBe(1);
    expect(await again.next()).toBeUndefined();
    await again.endEpoch();
    await expect(again.close()).resolves.toBeUndefined();
    x.dispose();
  });

  test("progress: 'none' asks for no batch loss; without process, lines go to console.log", () => {
    expect(createProgressReporter({ mode: 'none' }).wantsBatchLoss).toBe(false);
    expect(createProgressReporter({ mode: 'lines', write: () => {} }).wantsBatchLoss).toBe(false);
    expect(createProgressReporter({ mode: 'bar', write: () => {} }).wantsBatchLoss).toBe(true);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const saved = globalThis.process;
    let auto: ReturnType<typeof createProgressReporter>;
    let lines: ReturnType<typeof createProgressReporter>;
    try {
      (globalThis as { process?: unknown }).process = undefined;
      auto = createProgressReporter();
      lines = createProgressReporter({ mode: 'lines' });
    } finally {
      globalThis.process = saved;
    }
    expect(auto.wantsBatchLoss).toBe(false); // no terminal: lines
    auto.epoch(0, 2, { loss: 0.5 });
    lines.epoch(1, 2, { loss: 0.25 });
    expect(log.mock.calls).toEqual([['epoch 1/2  loss 0.5000'], ['epoch 2/2  loss 0.2500']]);
    log.mockRestore();
  });
});
