// Graph behaviour the mutation run of the graph API found untested: how often the shape probe runs
// a layer, what a refused apply leaves, a probe inside a probe, a diamond, and whole error messages.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { JoinForTest } from '../../test/graph-test-layers.js';
import { Add } from '../layers/add.js';
import { Dense } from '../layers/dense.js';
import { Layer, type LayerOptions } from '../layers/layer.js';
import { describeEachBackend } from '../testing.js';
import { input } from './input.js';
import { Model } from './model.js';
import { SymbolicTensor } from './symbolic-tensor.js';
import { messageOf } from '../../test/thrown-by.js';

/** Passes x through and counts its calls. */
class CountsCallsForTest extends Layer {
  calls = 0;
  constructor(options: LayerOptions = {}) {
    super(options, 'CountsCallsForTest', []);
  }
  protected override call(x: tf.Tensor): tf.Tensor {
    this.calls += 1;
    return tf.clone(x);
  }
}

/** Throws a string (not an Error) when its second axis is 64 long: the probe's second size. */
class ThrowsStringForTest extends Layer {
  constructor(options: LayerOptions = {}) {
    super(options, 'ThrowsStringForTest', []);
  }
  protected override call(x: tf.Tensor): tf.Tensor {
    if (x.shape[1] === 64) throw 'no 64';
    return tf.clone(x);
  }
}

/** Describes its own small graph (a Dense behind input()) in build, so a probe runs inside a probe. */
class InnerGraphForTest extends Layer {
  private inner: Model | undefined;
  constructor(options: LayerOptions = {}) {
    super(options, 'InnerGraphForTest', []);
  }
  protected override build(shape: number[]): void {
    const x = input({ shape: shape.slice(1) });
    this.inner = new Model({ inputs: x, outputs: new Dense({ units: 3, seed: 5 }).apply(x) });
  }
  override children(): Layer[] {
    return this.inner ? [this.inner] : [];
  }
  protected override call(x: tf.Tensor): tf.Tensor {
    return (this.inner as Model).apply(x);
  }
}

describeEachBackend('graph API: gaps found by mutation testing', () => {
  test('symbolic apply: options set to undefined are no options; the refusals are whole sentences', () => {
    const a = input({ shape: [2] });
    const y = new Dense({ units: 1, seed: 1 }).apply(a, { training: undefined, mask: undefined });
    expect(y.shape).toEqual([null, 1]);
    const mask = tf.ones([1], 'bool');
    expect(messageOf(() => new Dense({ units: 1 }).apply(a, { training: true, mask }))).toBe(
      'Dense.apply: a symbolic input takes no options.training or options.mask: its mask travels with it, ' +
        "and the model's caller sets training",
    );
    expect(() => new Dense({ units: 1 }).apply(a, { trainng: true } as never)).toThrow(
      /^Dense\.apply: unknown key 'trainng' in options \(did you mean 'training'\? known: mask, training\)$/,
    );
    mask.dispose();
  });

  test('the probe runs a layer once when every size is fixed, twice when one is free', () => {
    const fixed = new CountsCallsForTest();
    fixed.apply(input({ shape: [3, 2] }));
    expect(fixed.calls).toBe(1);
    const free = new CountsCallsForTest();
    const out = free.apply(input({ shape: [null, 2] }));
    expect(free.calls).toBe(2);
    expect(out.shape).toEqual([null, null, 2]);
  });

  test('a refused apply leaves a layer built before as it was, weights and all', async () => {
    const head = new Dense({ units: 1, seed: 4 });
    tf.dispose(head.apply(tf.ones([1, 32]))); // the first probe size: only the second run fails
    const quarter = tf.fill([32, 1], 0.25);
    head.weight('kernel').assign(quarter);
    quarter.dispose();
    const flat = new CountsCallsForTest().apply(input({ shape: [null] }));
    expect(() => head.apply(flat)).toThrow(/cannot take inputs of shape \[null,null\] with free \(null\) sizes/);
    expect(head.isBuilt).toBe(true);
    expect(Array.from(await head.weight('kernel').read().data())).toEqual(new Array(32).fill(0.25));
    head.dispose();
  });

  test('at the second size: a thrown non-Error passes unchanged; the message lists every input shape', () => {
    let caught: unknown;
    try {
      new ThrowsStringForTest().apply(input({ shape: [null] }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBe('no 64');
    const before = tf.memory().numTensors;
    const add = new Add();
    expect(() => add.apply([input({ shape: [null] }), input({ shape: [32] })])).toThrow(
      new RegExp(
        `^Add\\.apply: layer '${add.name}' cannot take inputs of shape \\[null,null\\], \\[null,32\\] ` +
          'with free \\(null\\) sizes: it needs a fixed size there \\(give input\\(\\) the full shape\\)\\. ' +
          'Its error at another size: .+',
      ),
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  test('a layer that describes a graph while it is built can be applied behind a free size', () => {
    const steps = input({ shape: [null, 4] });
    const layer = new InnerGraphForTest();
    const y = layer.apply(steps);
    expect(y.shape).toEqual([null, null, 3]);
    const model = new Model({ inputs: steps, outputs: y });
    const out = model.apply(tf.ones([2, 5, 4]));
    expect(out.shape).toEqual([2, 5, 3]);
    tf.dispose(out);
    model.dispose();
  });

  test('graph topology: a disconnected input listed among several; a node reached twice runs once', () => {
    const a = input({ shape: [2], name: 'a' });
    const b = input({ shape: [2], name: 'b' });
    const c = input({ shape: [2], name: 'c' });
    const join = new JoinForTest();
    const joined = join.apply([a, c]);
    expect(messageOf(() => new Model({ inputs: [a, b], outputs: joined }))).toBe(
      `Model: graph disconnected: output 0 ('${join.name}') needs input 'c', which is not in inputs ('a', 'b')`,
    );
    // A diamond: one node feeds two, which meet again.
    const middle = new CountsCallsForTest();
    const m = middle.apply(a);
    const out = new JoinForTest().apply([
      new Dense({ units: 2, seed: 1 }).apply(m),
      new Dense({ units: 2, seed: 2 }).apply(m),
    ]);
    const model = new Model({ inputs: a, outputs: out });
    expect((model.getConfig() as unknown as { nodes: unknown[] }).nodes).toHaveLength(4);
    const calls = middle.calls;
    tf.dispose(model.apply(tf.ones([1, 2])));
    expect(middle.calls).toBe(calls + 1);
    model.dispose();
  });

  test('input(): whole messages for an unknown key and a name that is not a string', () => {
    expect(() => input({ shape: [3], nmae: 'x' } as never)).toThrow(
      /^input: unknown key 'nmae' in options \(did you mean 'name'\? known: dtype, name, shape\)$/,
    );
    expect(() => input({ shape: [3], name: 5 as never })).toThrow(
      /^input: expected name to be a non-empty string, got 5$/,
    );
  });

  test('SymbolicTensor.isInstance knows the shared brand and refuses undefined', () => {
    // What a SymbolicTensor made by another installed copy of the package carries.
    expect(SymbolicTensor.isInstance({ [Symbol.for('baihua.SymbolicTensor')]: true })).toBe(true);
    expect(SymbolicTensor.isInstance({ [Symbol.for('')]: true })).toBe(false);
    expect(SymbolicTensor.isInstance(undefined)).toBe(false);
  });

  test('a list given to a one-input layer: the whole message, with the count and the reason', () => {
    const x = tf.ones([2, 3]);
    expect(() => new Dense({ units: 1 }).apply([x, x] as never)).toThrow(
      /^Dense\.apply: expected x to be a tf\.Tensor, got an array of 2 \(this layer takes one input\)$/,
    );
    x.dispose();
  });
});
