import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend } from '../testing.js';
import { JoinForTest } from '../../test/graph-test-layers.js';
import { Dense } from '../layers/dense.js';
import { Flatten } from '../layers/flatten.js';
import { input } from './input.js';
import { Model } from './model.js';

/** Runs `fail` many times; each must throw `message`, and no tensor or variable may be left behind. */
function expectRefusedWithoutLeaks(fail: () => unknown, message: RegExp, times = 20): void {
  expect(fail).toThrow(message);
  const before = tf.memory().numTensors;
  for (let i = 0; i < times; i++) expect(fail).toThrow(message);
  expect(tf.memory().numTensors).toBe(before);
}

describeEachBackend('Model: graphs it refuses, with errors that say what to change', () => {
  test('input(): shape, dtype and name are checked', () => {
    expect(() => input({ shape: [0, 3] })).toThrow(/input: expected shape to be an array of positive integers or null/);
    expect(() => input({ shape: 3 as unknown as number[] })).toThrow(/input: expected shape to be an array/);
    expect(() => input({ shape: [3], dtype: 'bool' as 'int32' })).toThrow(/input: expected dtype 'float32' or 'int32'/);
    expect(() => input({ shape: [3], name: '' })).toThrow(/input: expected name to be a non-empty string/);
    expect(() => input({ shape: [3], nmae: 'x' } as never)).toThrow(/input: unknown key 'nmae'.*did you mean 'name'/);
  });

  test('an output that needs an input not given: graph disconnected, naming the missing input', () => {
    const a = input({ shape: [2], name: 'a' });
    const b = input({ shape: [2], name: 'b' });
    const joined = new JoinForTest().apply([a, b]);
    expectRefusedWithoutLeaks(
      () => new Model({ inputs: a, outputs: joined }),
      /Model: graph disconnected: output 0 \('join_for_test_\d+'\) needs input 'b', which is not in inputs \('a'\)/,
    );
  });

  test('an input no output uses; inputs not made by input(); two inputs with one name', () => {
    const a = input({ shape: [2], name: 'a' });
    const unused = input({ shape: [2], name: 'unused' });
    const y = new Dense({ units: 1 }).apply(a);
    expectRefusedWithoutLeaks(
      () => new Model({ inputs: [a, unused], outputs: y }),
      /Model: input 'unused' is not used by any output/,
    );
    expect(() => new Model({ inputs: y, outputs: y })).toThrow(
      /Model: expected inputs to be symbolic tensors made by input\(\)/,
    );
    const twin = input({ shape: [2], name: 'a' });
    expect(() => new Model({ inputs: [a, twin], outputs: new JoinForTest().apply([a, twin]) })).toThrow(
      /Model: expected inputs with distinct names, got a, a/,
    );
  });

  test('two different layers with one name; integer output names; a seed', () => {
    const a = input({ shape: [2] });
    const first = new Dense({ units: 2, name: 'same' }).apply(a);
    const second = new Dense({ units: 2, name: 'same' }).apply(first);
    expect(() => new Model({ inputs: a, outputs: second })).toThrow(
      /Model: two layers are named 'same' \(Dense and Dense\); layer names in a model must be unique/,
    );
    const y = new Dense({ units: 1 }).apply(a);
    expect(() => new Model({ inputs: a, outputs: { '0': y } })).toThrow(
      /Model: expected output names that are not integers, got '0'/,
    );
    expect(() => new Model({ inputs: a, outputs: y, seed: 1 } as never)).toThrow(/Model: expected no seed/);
    expect(() => new Model({ inputs: a, outputs: [] })).toThrow(/Model: expected outputs to be a symbolic tensor/);
  });

  test('symbolic apply: one input vs a list, a mix of symbolic and real tensors, options', () => {
    const a = input({ shape: [2] });
    const x = tf.ones([1, 2]);
    expect(() => new Dense({ units: 1 }).apply([a, a])).toThrow(
      /Dense\.apply: expected x to be one symbolic tensor \(this layer takes one input\), got an array of 2/,
    );
    expect(() => new JoinForTest().apply(a)).toThrow(
      /JoinForTest\.apply: expected x to be an array of symbolic tensors/,
    );
    expect(() => new JoinForTest().apply([a, x] as never)).toThrow(
      /JoinForTest\.apply: expected x to be all symbolic tensors/,
    );
    expect(() => new Dense({ units: 1 }).apply(a, { training: true })).toThrow(
      /Dense\.apply: a symbolic input takes no options\.training/,
    );
    x.dispose();
  });

  test('a layer that needs a fixed size behind a free one: refused when the graph is described', () => {
    const steps = input({ shape: [null, 2] });
    const flat = new Flatten().apply(steps);
    expect(flat.shape).toEqual([null, null]);
    expectRefusedWithoutLeaks(
      () => new Dense({ units: 1 }).apply(flat),
      /Dense\.apply: layer 'dense_\d+' cannot take inputs of shape \[null,null\] with free \(null\) sizes/,
      3,
    );
  });

  test('a model with two outputs: apply refuses (use applyMulti), leaving nothing behind', () => {
    const a = input({ shape: [2] });
    const model = new Model({
      inputs: a,
      outputs: [new Dense({ units: 1 }).apply(a), new Dense({ units: 3 }).apply(a)],
    });
    const x = tf.ones([4, 2]);
    expectRefusedWithoutLeaks(
      () => model.apply(x),
      /Model\.apply: layer 'model_\d+' has 2 outputs: use applyMulti, which returns one per output/,
    );
    const wide = tf.ones([4, 3]);
    expectRefusedWithoutLeaks(
      () => model.apply(wide),
      /Model\.apply: layer 'model_\d+' was built for input shape \[\*,2\]/,
    );
    tf.dispose([x, wide]);
    model.dispose();
  });

  test('real inputs: a list for a one-input layer, a mask of the wrong batch, unequal batches', () => {
    const join = new JoinForTest();
    const x = tf.ones([2, 3]);
    const y = tf.ones([3, 3]);
    expectRefusedWithoutLeaks(
      () => join.apply([x, y]),
      /JoinForTest\.apply: expected every input with the same batch size/,
    );
    expectRefusedWithoutLeaks(
      () => join.apply(x as never),
      /JoinForTest\.apply: expected x to be a non-empty array of tensors/,
    );
    const mask = tf.ones([3, 4], 'bool');
    expectRefusedWithoutLeaks(
      () => new Dense({ units: 1 }).apply(x, { mask }),
      /Dense\.apply: expected options\.mask with the batch size of x \(2\) first, got shape \[3,4\]/,
    );
    tf.dispose([x, y, mask]);
  });
});
