// A Model's names, freezing and config checks, met directly through layerFromConfig (where no
// topology validation screens the config first) and through the constructor.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { JoinForTest } from '../../test/graph-test-layers.js';
import { Attention } from '../layers/attention/attention.js';
import { Dense } from '../layers/dense.js';
import { Layer, type LayerOptions } from '../layers/layer.js';
import { layerFromConfig, registerLayerType } from '../layers/layer-registry.js';
import { describeEachBackend } from '../testing.js';
import { input } from './input.js';
import { Model } from './model.js';
import { SymbolicTensor, describeSymbolicShape } from './symbolic-tensor.js';

/** A layer whose factory drops the saved name (a bug a user's layer could have). */
class ForgetsNameForTest extends Layer {
  constructor(options: LayerOptions = {}) {
    super(options, 'ForgetsNameForTest', []);
  }
  protected override call(x: tf.Tensor): tf.Tensor {
    return tf.neg(x);
  }
}
registerLayerType('ForgetsNameForTest', () => new ForgetsNameForTest());

function configOf(model: Model): Record<string, unknown> {
  return JSON.parse(JSON.stringify(model.getConfig()));
}

describeEachBackend('Model: names, freezing and config checks', () => {
  test('output names: repeats numbered from 2, non-integer keys kept, integer keys refused', () => {
    const a = input({ shape: [2] });
    const b = input({ shape: [2] });
    const tower = new Dense({ units: 2, name: 'tower', seed: 1 });
    const twin = new Model({ inputs: [a, b], outputs: [tower.apply(a), tower.apply(b), tower.apply(a)] });
    expect(twin.outputNames).toEqual(['tower', 'tower_2', 'tower_3']);
    const y = new Dense({ units: 1 }).apply(a);
    expect(new Model({ inputs: a, outputs: { '1a': y } }).outputNames).toEqual(['1a']);
    expect(() => new Model({ inputs: a, outputs: { '12': y } })).toThrow(/not integers, got '12'/);
    expect(() => new Model({ inputs: a, outputs: 5 as never })).toThrow(/expected outputs to be a symbolic tensor/);
    expect(() => new Model({ inputs: a, outputs: [y, 'y'] as never })).toThrow(/expected outputs to be a symbolic/);
    expect(() => new Model({ inputs: [a, y], outputs: y })).toThrow(/made by input\(\), got something else/);
    expect(() => new Model({ inputs: [], outputs: y })).toThrow(/made by input\(\), got none/);
  });

  test('a frozen Model freezes its layers; a second output of a layer is named layer:index', () => {
    const q = input({ shape: [3, 4] });
    const v = input({ shape: [5, 4] });
    const [context, scores] = new Attention({ returnScores: true, name: 'att' }).applyMulti([q, v]) as [
      SymbolicTensor,
      SymbolicTensor,
    ];
    expect([context.name, scores.name]).toEqual(['att:0', 'att:1']);
    expect(context.rank).toBe(3);
    const head = new Dense({ units: 2 });
    const model = new Model({ inputs: [q, v], outputs: head.apply(context), trainable: false });
    expect(head.trainable).toBe(false);
    expect(model.trainableWeights()).toEqual([]);
    expect(describeSymbolicShape(scores.shape)).toBe('[null,3,5]');
    expect([SymbolicTensor.isInstance(null), SymbolicTensor.isInstance(3), SymbolicTensor.isInstance({})]).toEqual([
      false,
      false,
      false,
    ]);
    model.dispose();
  });

  test('an identity model (no layers) saves and rebuilds; input() names count up', () => {
    const first = input({ shape: [2] });
    const second = input({ shape: [2] });
    const [n1, n2] = [first.name, second.name].map((n) => Number(n.replace('input_', '')));
    expect(n2).toBe((n1 as number) + 1);
    const identity = new Model({ inputs: first, outputs: first });
    const copy = layerFromConfig(identity.getConfig() as never) as Model;
    expect(copy.getConfig()).toEqual(identity.getConfig());
    const x = tf.tensor2d([[1, 2]]);
    const y = copy.apply(x);
    expect(y).not.toBe(x); // a new tensor the caller owns
    tf.dispose([x, y]);
  });

  test('layerFromConfig refuses malformed graph configs, naming the field; nothing is left behind', () => {
    const a = input({ shape: [2], name: 'a' });
    const b = input({ shape: [2], name: 'b' });
    const model = new Model({
      inputs: [a, b],
      outputs: new JoinForTest({ name: 'join' }).apply([new Dense({ units: 2, name: 'd', seed: 2 }).apply(a), b]),
    });
    const good = configOf(model);
    model.dispose();
    const bad = (change: (c: Record<string, any>) => void) => {
      const config = structuredClone(good) as Record<string, any>;
      change(config);
      return config;
    };
    const cases: [Record<string, unknown>, RegExp][] = [
      [bad((c) => (c.inputs = [])), /expected inputs to be a non-empty array, got \[\]/],
      [bad((c) => (c.inputs[0] = ['a'])), /inputs\[0\] needs a name of its own, got \["a"\]/],
      [bad((c) => (c.inputs[1].name = 'a')), /inputs\[1\] needs a name of its own/],
      [bad((c) => (c.layers = 'none')), /expected layers to be an array, got "none"/],
      [bad((c) => (c.outputNames = [7])), /expected outputNames to be 1 strings/],
      [bad((c) => (c.outputNames = [])), /expected outputNames to be a non-empty array/],
      [bad((c) => (c.nodes[0] = ['d'])), /nodes\[0\] must name one of the layers/],
      [bad((c) => (c.nodes[0].inputs = [])), /nodes\[0\] must name one of the layers and list its inputs/],
      [
        bad((c) => (c.nodes[0].inputs = [{ input: 'a', extra: 1 }])),
        /nodes\[0\]\.inputs\[0\] is not \{ input: name \}/,
      ],
      [bad((c) => (c.nodes[1].inputs[0] = { node: 0, output: 0, x: 1 })), /nodes\[1\]\.inputs\[0\] is not/],
      [bad((c) => (c.nodes[1].inputs[0] = ['node', 0])), /nodes\[1\]\.inputs\[0\] is not/],
      [bad((c) => c.layers.push({ type: 'Dense', name: 'spare', units: 1 })), /layer 'spare' is in no node/],
      [
        bad((c) => c.layers.push({ type: 'ForgetsNameForTest', name: 'kept' })),
        /layers\[2\] was saved as 'kept' but rebuilt as 'forgets_name_for_test_\d+' \(its factory drops the name\)/,
      ],
    ];
    const before = tf.memory().numTensors;
    for (const [config, message] of cases) {
      expect(() => layerFromConfig(config as never)).toThrow(message);
      expect(() => layerFromConfig(config as never)).toThrow(/^Model: malformed config: /);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
