import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { input } from '../graph/input.js';
import { Model } from '../graph/model.js';
import { deserializeModel } from '../serialization/deserialize-model.js';
import { serializeModel } from '../serialization/serialize-model.js';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import { Add } from './add.js';
import { Concatenate } from './concatenate.js';
import { Dense } from './dense.js';
import { Embedding } from './embedding.js';
import { Masking } from './masking.js';
import { Multiply } from './multiply.js';
import { RepeatVector } from './repeat-vector.js';
import { Reshape } from './reshape.js';
import { Sequential } from './sequential.js';
import { TimeDistributed } from './time-distributed.js';

// The new layers used symbolically (input() + Model) and in a Sequential: shapes and mask shapes of
// the symbolic tensors, masks that flow, values equal to applying the same layers eagerly, and a
// saved graph that loads and computes the same.

function sequenceGraph() {
  const tokens = input({ shape: [4], dtype: 'int32', name: 'tokens' });
  const context = input({ shape: [5], name: 'context' });
  const layers = {
    embed: new Embedding({ inputDim: 10, outputDim: 4, maskZero: true, seed: 1 }),
    perStep: new TimeDistributed({ layer: new Dense({ units: 3, seed: 2 }) }),
    project: new Dense({ units: 3, seed: 3 }),
    repeat: new RepeatVector({ n: 4 }),
    join: new Concatenate(),
    add: new Add(),
    multiply: new Multiply(),
    flatten: new Reshape({ targetShape: [-1] }),
  };
  const a = layers.perStep.apply(layers.embed.apply(tokens));
  const b = layers.repeat.apply(layers.project.apply(context));
  const joined = layers.join.apply([a, b]);
  const summed = layers.add.apply([a, b]);
  const product = layers.multiply.apply([a, b]);
  const flat = layers.flatten.apply(b);
  const model = new Model({ inputs: [tokens, context], outputs: { joined, summed, product, flat } });
  return { model, layers, symbols: { a, b, joined, summed, product, flat } };
}

describeEachBackend('sequence layers in graphs and Sequentials', () => {
  test('symbolic shapes and mask shapes: Embedding maskZero -> TimeDistributed(Dense) -> merges', () => {
    const { model, symbols } = sequenceGraph();
    try {
      expect(symbols.a.shape).toEqual([null, 4, 3]);
      expect(symbols.a.maskShape).toEqual([null, 4]);
      expect(symbols.b.shape).toEqual([null, 4, 3]);
      expect(symbols.b.maskShape).toBeUndefined();
      expect(symbols.joined.shape).toEqual([null, 4, 6]);
      expect(symbols.joined.maskShape).toEqual([null, 4]);
      expect(symbols.summed.maskShape).toEqual([null, 4]);
      expect(symbols.product.maskShape).toEqual([null, 4]);
      expect(symbols.flat.shape).toEqual([null, 12]);
      expect(model.outputNames).toEqual(['joined', 'summed', 'product', 'flat']);
    } finally {
      model.dispose();
    }
  });

  test('the model computes what the same layers compute eagerly, shows the mask, saves and loads', async () => {
    const { model, layers } = sequenceGraph();
    const ids = tf.tensor2d(
      [
        [4, 9, 0, 0],
        [1, 2, 3, 0],
      ],
      [2, 4],
      'int32',
    );
    const context = tf.tensor2d([
      [0.1, -0.2, 0.3, 0.4, -0.5],
      [1, 0, -1, 0.5, 0.25],
    ]);
    const made: tf.Tensor[] = [];
    try {
      const { outputs, masks } = model.applyWithMask([ids, context]);
      made.push(...outputs, ...(masks.filter((m) => m) as tf.Tensor[]));
      const expected = tf.tidy(() => {
        const a = layers.perStep.apply(layers.embed.apply(ids));
        const b = layers.repeat.apply(layers.project.apply(context));
        return [tf.concat([a, b], -1), tf.add(a, b), tf.mul(a, b), tf.reshape(b, [2, 12])];
      });
      made.push(...expected);
      for (const [k, e] of expected.entries())
        await expectTensorsClose(outputs[k] as tf.Tensor, e, { rtol: 0, atol: 0 });
      for (const k of [0, 1, 2])
        expect(Array.from(await (masks[k] as tf.Tensor).data())).toEqual([1, 1, 0, 0, 1, 1, 1, 0]);
      expect(masks[3]).toBeUndefined();
      await expectNoLeakedTensors(() => model.applyWithMask([ids, context]));
      const saved = await serializeModel(model);
      const loaded = await deserializeModel({ topology: JSON.stringify(saved.topology), weights: saved.weights });
      const again = loaded.applyMulti([ids, context]);
      made.push(...again);
      for (const [k, e] of outputs.entries()) await expectTensorsClose(again[k] as tf.Tensor, e, { rtol: 0, atol: 0 });
      loaded.dispose();
    } finally {
      tf.dispose([ids, context, ...made]);
      model.dispose();
    }
  });

  test('free lengths: tokens of any length; Concatenate on the time axis joins the masks', async () => {
    const tokens = input({ shape: [null], dtype: 'int32' });
    const embedded = new Embedding({ inputDim: 5, outputDim: 2, maskZero: true, seed: 1 }).apply(tokens);
    const stepped = new TimeDistributed({ layer: new Dense({ units: 2, seed: 2 }) }).apply(embedded);
    const twice = new Concatenate({ axis: 1 }).apply([stepped, embedded]);
    expect(twice.shape).toEqual([null, null, 2]);
    expect(twice.maskShape).toEqual([null, null]);
    const model = new Model({ inputs: tokens, outputs: twice });
    const ids = tf.tensor2d([[3, 0, 4, 1, 0]], [1, 5], 'int32');
    const { outputs, masks } = model.applyWithMask(ids);
    try {
      expect(outputs[0]?.shape).toEqual([1, 10, 2]);
      expect(Array.from(await (masks[0] as tf.Tensor).data())).toEqual([1, 0, 1, 1, 0, 1, 0, 1, 1, 0]);
    } finally {
      tf.dispose([ids, ...outputs, ...(masks as tf.Tensor[])]);
      model.dispose();
    }
  });

  test('a Sequential of Masking and TimeDistributed(Dense) applied to a symbolic input carries the mask', async () => {
    const frames = input({ shape: [null, 3], name: 'frames' });
    const stack = new Sequential({
      seed: 5,
      layers: [new Masking(), new TimeDistributed({ layer: new Dense({ units: 2 }) })],
    });
    const out = stack.apply(frames);
    expect(out.shape).toEqual([null, null, 2]);
    expect(out.maskShape).toEqual([null, null]);
    const model = new Model({ inputs: frames, outputs: out });
    const x = tf.tensor3d([
      [
        [1, 2, 3],
        [0, 0, 0],
      ],
    ]);
    const { outputs, masks } = model.applyWithMask(x);
    try {
      expect(Array.from(await (masks[0] as tf.Tensor).data())).toEqual([1, 0]);
    } finally {
      tf.dispose([x, ...outputs, ...(masks as tf.Tensor[])]);
      model.dispose();
    }
  });
});
