import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { checkGradients, describeEachBackend, expectTensorsClose } from '../testing.js';
import { Composite } from './composite.js';
import { Dense } from './dense.js';

describeEachBackend('Composite', () => {
  test('a forward function over named layers: weights, gradients, summary', async () => {
    const model = new Composite({
      seed: 4,
      layers: { hidden: new Dense({ units: 3, activation: tf.tanh }), out: new Dense({ units: 1 }) },
      forward: ({ hidden, out }, x, context) => out.apply(tf.concat([hidden.apply(x, context), x], -1), context),
    });
    const x = tf.tensor2d([
      [0.1, 0.2],
      [-0.3, 0.4],
    ]);
    const y = model.apply(x);
    expect(y.shape).toEqual([2, 1]);
    const expected = tf.tidy(() => model.layers.out.apply(tf.concat([model.layers.hidden.apply(x), x], -1)));
    await expectTensorsClose(y, expected);
    expect(model.countParams()).toBe(2 * 3 + 3 + 5 * 1 + 1);
    await checkGradients((input) => model.apply(input), [x]);
    expect(model.summary()).toMatch(/composite_\d+\/out \(Dense\)\s+\[null,1\]\s+6/);
    expect(() => model.getConfig()).toThrow(
      /Composite\.getConfig: model 'composite_\d+' is defined by code and has no saveable topology/,
    );
    tf.dispose([x, y, expected]);
    model.dispose();
  });

  test('children are named after their keys, in summaries and weight paths', () => {
    const inner = new Composite({
      layers: { conv: new Dense({ units: 2 }), own: new Dense({ units: 2, name: 'kept' }) },
      forward: ({ conv, own }, x, context) => own.apply(conv.apply(x, context), context),
    });
    const shared = new Dense({ units: 2 });
    const model = new Composite({
      name: 'block',
      layers: { encoder: inner, head: shared, again: shared },
      forward: ({ encoder, head, again }, x, context) => again.apply(head.apply(encoder.apply(x, context), context)),
    });
    const x = tf.ones([1, 3]);
    model.apply(x).dispose();
    expect(inner.name).toBe('block/encoder');
    expect(shared.name).toBe('block/head'); // a shared layer takes its first key
    expect(model.weights().map((w) => w.path)).toEqual([
      'block/encoder/conv/kernel',
      'block/encoder/conv/bias',
      'kept/kernel', // a name given in the options is kept
      'kept/bias',
      'block/head/kernel',
      'block/head/bias',
    ]);
    // Parent rows count their children: block 8 + 6 + 6 = 20, encoder 8 + 6 = 14.
    const text = model.summary();
    expect(text).toMatch(/^block \(Composite\)\s+\[null,2\]\s+20$/m);
    expect(text).toMatch(/^ {2}block\/encoder \(Composite\)\s+\[null,2\]\s+14$/m);
    expect(text).toMatch(/^ {4}block\/encoder\/conv \(Dense\)\s+\[null,2\]\s+8$/m);
    expect(text).toMatch(/^ {2}block\/head \(Dense\)\s+\[null,2\]\s+6$/m);
    expect(text).toMatch(/Total params: 20\n/);
    x.dispose();
    model.dispose();
  });

  test('bad options', () => {
    expect(() => new Composite({ layers: {}, forward: (_l, x) => x })).toThrow(
      /Composite: expected layers to be a non-empty object of Layer instances/,
    );
    expect(() => new Composite({ layers: { a: new Dense({ units: 1 }) }, forward: 3 as never })).toThrow(
      /Composite: expected forward to be a function, got number/,
    );
    expect(
      () =>
        new Composite({ layers: { a: new Dense({ units: 1 }) }, forwrd: (_l: unknown, x: tf.Tensor) => x } as never),
    ).toThrow(/Composite: unknown key 'forwrd' in options \(did you mean 'forward'\? known: forward, layers, name/);
  });
});
