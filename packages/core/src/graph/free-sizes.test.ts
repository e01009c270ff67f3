// Free (null) sizes: which recorded input shapes the probe relaxes, and which it leaves alone.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { Dense } from '../layers/dense.js';
import { Dropout } from '../layers/dropout.js';
import { Flatten } from '../layers/flatten.js';
import { Sequential } from '../layers/sequential.js';
import { describeEachBackend } from '../testing.js';
import { input } from './input.js';
import { Model } from './model.js';

describeEachBackend('free sizes in graphs', () => {
  test('layers built by the probe record the free size as null, inside containers too; fixed sizes stay', () => {
    const inner = new Dropout({ rate: 0.5 });
    const dense = new Dense({ units: 3, seed: 1 });
    const free = new Sequential({ layers: [inner, dense] }).apply(input({ shape: [null, 2] }));
    expect(free.shape).toEqual([null, null, 3]);
    expect(inner.inputShape).toEqual([null, null, 2]);
    expect(dense.inputShape).toEqual([null, null, 2]);
    const fixedDropout = new Dropout({ rate: 0.5 });
    new Sequential({ layers: [fixedDropout] }).apply(input({ shape: [3, 2] }));
    expect(fixedDropout.inputShape).toEqual([null, 3, 2]);
  });

  test('the features stay checked behind a free length: a wrong width is refused with the built pattern', () => {
    const steps = input({ shape: [null, 2] });
    const model = new Model({ inputs: steps, outputs: new Dropout({ rate: 0.1 }).apply(steps) });
    const wrong = tf.ones([1, 4, 3]);
    expect(() => model.apply(wrong)).toThrow(/was built for input shape \[\*,\*,2\], got \[1,4,3\]/);
    wrong.dispose();
    model.dispose();
  });

  test('a layer built before keeps its shape: a free length it was not built for is refused', async () => {
    const dropout = new Dropout({ rate: 0.5 });
    tf.dispose(dropout.apply(tf.ones([1, 5, 2])));
    expect(() => dropout.apply(input({ shape: [null, 2] }))).toThrow(/layer 'dropout_\d+' was built for input shape/);
    expect(dropout.inputShape).toEqual([null, 5, 2]);
    // A Dense built before accepts any leading size: applied to a free length it is not relaxed either.
    const dense = new Dense({ units: 2, seed: 3 });
    tf.dispose(dense.apply(tf.ones([1, 5, 4])));
    const out = dense.apply(input({ shape: [null, 4] }));
    expect(out.shape).toEqual([null, null, 2]);
    expect(dense.inputShape).toEqual([null, 5, 4]);
    // Refused behind a free size after being built: the error keeps the inner one as its cause, the weights live on.
    const head = new Dense({ units: 1, seed: 4 });
    tf.dispose(head.apply(tf.ones([1, 32]))); // the first probe size: only the second run fails
    const kernel = Array.from(await head.weight('kernel').read().data());
    const flat = new Flatten().apply(input({ shape: [null, 2] }));
    let caught: unknown;
    try {
      head.apply(flat);
    } catch (error) {
      caught = error;
    }
    expect(String(caught)).toMatch(/cannot take inputs of shape \[null,null\] with free \(null\) sizes/);
    expect((caught as { cause?: unknown }).cause).toBeInstanceOf(Error);
    const y = head.apply(tf.ones([2, 32]));
    expect(y.shape).toEqual([2, 1]);
    expect(Array.from(await head.weight('kernel').read().data())).toEqual(kernel);
    tf.dispose(y);
  });
});
