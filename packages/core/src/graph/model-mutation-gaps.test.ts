// Model behaviour the mutation run of the graph API found untested: missing outputs, a seed, layers
// shared with containers (a real bug: containers were told apart by name), a layer whose output count
// changes, and a mask given to a one-input Model.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { MaskedSumForTest } from '../../test/graph-test-layers.js';
import { Dense } from '../layers/dense.js';
import { Layer, type CallContext, type LayerOptions } from '../layers/layer.js';
import { Sequential } from '../layers/sequential.js';
import { describeEachBackend } from '../testing.js';
import { input } from './input.js';
import { Model } from './model.js';
import { messageOf } from '../../test/thrown-by.js';

/** One output when not training (as when the graph is described), two when training. */
class TwoWhenTrainingForTest extends Layer {
  constructor(options: LayerOptions = {}) {
    super(options, 'TwoWhenTrainingForTest', []);
  }
  protected override call(x: tf.Tensor, context: CallContext): tf.Tensor | tf.Tensor[] {
    return context.training ? [tf.clone(x), tf.clone(x)] : tf.clone(x);
  }
}

describeEachBackend('Model: gaps found by mutation testing', () => {
  test('Model: outputs missing, a seed, sharing with a container: whole messages', () => {
    const a = input({ shape: [2] });
    for (const outputs of [undefined, null])
      expect(() => new Model({ inputs: a, outputs: outputs as never })).toThrow(
        /^Model: expected outputs to be a symbolic tensor, an array or a record of them$/,
      );
    const y = new Dense({ units: 1 }).apply(a);
    expect(messageOf(() => new Model({ inputs: a, outputs: y, seed: 1 } as never))).toBe(
      'Model: expected no seed: layers are built when applied to symbolic tensors, before the model exists; ' +
        'give each layer a seed',
    );
    const shared = new Dense({ units: 2, name: 'shared_gap' });
    const z = new Sequential({ layers: [shared], name: 'stack_gap' }).apply(shared.apply(a));
    const model = new Model({ inputs: a, outputs: z });
    expect(messageOf(() => model.getConfig())).toBe(
      "Model.getConfig: layer 'shared_gap' is shared by the graph and 'stack_gap'; a saved graph can share a layer " +
        'between nodes, not between containers: apply the layer itself in the graph at both places',
    );
    model.dispose();
  });

  test('a layer shared by two containers of one name (one nested in a Model) is refused too', () => {
    const x = input({ shape: [2] });
    const shared = new Dense({ units: 2, name: 'shared_twice', seed: 1 });
    const innerX = input({ shape: [2] });
    const innerY = new Sequential({ layers: [shared], name: 'stack_twice' }).apply(innerX);
    const inner = new Model({ inputs: innerX, outputs: innerY, name: 'inner_twice' });
    const y = new Sequential({ layers: [shared], name: 'stack_twice' }).apply(inner.apply(x));
    const model = new Model({ inputs: x, outputs: y });
    expect(messageOf(() => model.getConfig())).toBe(
      "Model.getConfig: layer 'shared_twice' is shared by 'stack_twice' and another container named 'stack_twice'; " +
        'a saved graph can share a layer between nodes, not between containers: apply the layer itself in the graph ' +
        'at both places',
    );
    model.dispose();
  });

  test('Model.apply: a layer giving another number of outputs than when described is refused', () => {
    const a = input({ shape: [2] });
    const layer = new TwoWhenTrainingForTest();
    const model = new Model({ inputs: a, outputs: new Dense({ units: 1, seed: 1 }).apply(layer.apply(a)) });
    const x = tf.ones([1, 2]);
    tf.dispose(model.apply(x));
    const before = tf.memory().numTensors;
    expect(() => model.apply(x, { training: true })).toThrow(
      new RegExp(`^Model\\.apply: layer '${layer.name}' gave 2 outputs, 1 when the graph was made$`),
    );
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    model.dispose();
  });

  test('a one-input Model hands the mask it is given to its layers', async () => {
    const steps = input({ shape: [3, 2] });
    const model = new Model({ inputs: steps, outputs: new MaskedSumForTest().apply(steps) });
    const x = tf.tensor3d([
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
    ]);
    const mask = tf.tensor2d([[1, 1, 0]], [1, 3], 'bool');
    const masked = model.apply(x, { mask });
    const unmasked = model.apply(x);
    expect(Array.from(await masked.data())).toEqual([4, 6]);
    expect(Array.from(await unmasked.data())).toEqual([9, 12]);
    tf.dispose([x, mask, masked, unmasked]);
    model.dispose();
  });
});
