// Sequential, Residual, TimeDistributed and Composite case by case (issue 21: mutation testing found
// these unchecked): the child seeds they hand out (childSeed itself is checked against a BigInt
// reference in layer-helpers-mutation-gaps.test.ts), freezing, every refusal with its message,
// masks and the training flag through a Sequential, and config round trips at non-default options.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import { Composite } from './composite.js';
import { Dense } from './dense.js';
import { Layer, type CallContext, type LayerOptions, type MaskedOutputs } from './layer.js';
import { childSeed } from './layer-naming.js';
import { layerFromConfig, registerLayerType } from './layer-registry.js';
import { Residual } from './residual.js';
import { Sequential } from './sequential.js';
import { TimeDistributed } from './time-distributed.js';

/** y = 2x; records the training flag and mask it was given; masks only where told to. */
class Recorder extends Layer {
  readonly seen: { training: boolean; mask: tf.Tensor | undefined }[] = [];
  constructor(options: LayerOptions = {}, masking = false) {
    super(options, 'GapRecorder', []);
    this.supportsMasking = masking;
  }
  protected override call(x: tf.Tensor, context: CallContext): tf.Tensor {
    this.seen.push({ training: context.training, mask: context.mask });
    return tf.mul(x, 2);
  }
}

/** Makes a mask of its own: x[:, 0] > 0 per row. */
class MaskMaker extends Layer {
  constructor() {
    super({}, 'GapMaskMaker', []);
  }
  protected override call(x: tf.Tensor): tf.Tensor {
    return tf.clone(x);
  }
  protected override callWithMask(x: tf.Tensor): MaskedOutputs {
    const mask = tf.greater(tf.reshape(tf.slice(x, [0, 0], [-1, 1]), [-1]), 0);
    return { outputs: [tf.clone(x)], masks: [mask] };
  }
}

class TwoOutputs extends Layer {
  constructor() {
    super({ name: 'two' }, 'GapTwo', []);
  }
  protected override call(x: tf.Tensor): tf.Tensor[] {
    return [tf.clone(x), tf.clone(x)];
  }
}

class ListLayer extends Layer {
  override readonly takesInputList = true;
  constructor() {
    super({ name: 'pair' }, 'GapPair', []);
  }
  protected override call(x: tf.Tensor[]): tf.Tensor {
    return tf.add(x[0] as tf.Tensor, x[1] as tf.Tensor);
  }
}

/** Allocates a weight in its constructor (so a failing load must free it). */
class Eager extends Layer {
  constructor(options: LayerOptions = {}) {
    super(options, 'GapEager', []);
    this.addWeight('w', [2], { initializer: 'ones' });
  }
  protected override call(x: tf.Tensor): tf.Tensor {
    return tf.clone(x);
  }
}
registerLayerType('GapEager', (config) => new Eager(config as LayerOptions));

test('containers seed each child without a seed from (seed, index); own seeds and unseeded models stay', () => {
  const [a, b, c, d] = [
    new Dense({ units: 1 }),
    new Dense({ units: 1, seed: 11 }),
    new Dense({ units: 1 }),
    new Dense({ units: 1 }),
  ];
  const model = new Sequential({ seed: 5, layers: [a, b, c] });
  model.add(d);
  expect([a.seed, b.seed, c.seed, d.seed]).toEqual([childSeed(5, 0), 11, childSeed(5, 2), childSeed(5, 3)]);
  const loose = new Dense({ units: 1 });
  new Sequential({ layers: [loose] });
  expect(loose.seed).toBeUndefined();
  const body = new Dense({ units: 1 });
  new Residual({ body, seed: 6 });
  expect(body.seed).toBe(childSeed(6, 0));
  const kept = new Dense({ units: 1, seed: 2 });
  new Residual({ body: kept, seed: 6 });
  expect(kept.seed).toBe(2);
  const unseeded = new Dense({ units: 1 });
  new Residual({ body: unseeded });
  expect(unseeded.seed).toBeUndefined();
  const step = new Dense({ units: 1 });
  new TimeDistributed({ layer: step, seed: 7 });
  expect(step.seed).toBe(childSeed(7, 0));
  const stepKept = new Dense({ units: 1, seed: 3 });
  new TimeDistributed({ layer: stepKept, seed: 7 });
  expect(stepKept.seed).toBe(3);
  const stepLoose = new Dense({ units: 1 });
  new TimeDistributed({ layer: stepLoose });
  expect(stepLoose.seed).toBeUndefined();
  const [p, q, r] = [new Dense({ units: 1 }), new Dense({ units: 1, seed: 4 }), new Dense({ units: 1 })];
  new Composite({ seed: 8, layers: { p, q, r }, forward: (_l, x) => x });
  expect([p.seed, q.seed, r.seed]).toEqual([childSeed(8, 0), 4, childSeed(8, 2)]);
  const s = new Dense({ units: 1 });
  new Composite({ layers: { s }, forward: (_l, x) => x });
  expect(s.seed).toBeUndefined();
});

test('a frozen container freezes its children (also one added later); a trainable one leaves them', () => {
  const kinds: [string, (child: Layer, trainable: boolean) => void][] = [
    ['Sequential', (child, trainable) => new Sequential({ trainable, layers: [child] })],
    ['Residual', (child, trainable) => new Residual({ trainable, body: child })],
    ['TimeDistributed', (child, trainable) => new TimeDistributed({ trainable, layer: child })],
    ['Composite', (child, trainable) => new Composite({ trainable, layers: { child }, forward: (_l, x) => x })],
  ];
  for (const [kind, make] of kinds) {
    const frozen = new Dense({ units: 1 });
    make(frozen, false);
    expect([kind, frozen.trainable]).toEqual([kind, false]);
    const free = new Dense({ units: 1 });
    make(free, true);
    expect([kind, free.trainable]).toEqual([kind, true]);
    const own = new Dense({ units: 1, trainable: false });
    make(own, true);
    expect([kind, own.trainable]).toEqual([kind, false]);
  }
  const model = new Sequential({ trainable: false });
  const later = new Dense({ units: 1 });
  model.add(later);
  expect(later.trainable).toBe(false);
});

test('refusals name the container and what it was given', () => {
  expect(() => new Sequential().add(null as never)).toThrow(/^Sequential\.add: expected a Layer, got null$/);
  expect(() => new Sequential().add(3 as never)).toThrow(/^Sequential\.add: expected a Layer, got number$/);
  expect(() => new Residual({ body: null as never })).toThrow(/^Residual: expected body to be a Layer, got null$/);
  expect(() => new TimeDistributed({ layer: null as never })).toThrow(
    /^TimeDistributed: expected layer to be a Layer, got null$/,
  );
  expect(() => new TimeDistributed({ layer: 'dense' as never })).toThrow(
    /^TimeDistributed: expected layer to be a Layer, got string$/,
  );
  expect(() => new TimeDistributed({ layer: new ListLayer() })).toThrow(
    /^TimeDistributed: expected a layer that takes one input, got 'pair', which takes a list$/,
  );
  const layersMessage = /^Composite: expected layers to be a non-empty object of Layer instances$/;
  expect(() => new Composite({ forward: (_l: unknown, x: tf.Tensor) => x } as never)).toThrow(layersMessage);
  expect(() => new Composite({ layers: { a: new Dense({ units: 1 }), b: 3 as never }, forward: (_l, x) => x })).toThrow(
    layersMessage,
  );
  expect(() => layerFromConfig({ type: 'Sequential', name: 's' })).toThrow(
    /^Sequential: expected config\.layers to be an array, got undefined$/,
  );
  expect(() => layerFromConfig({ type: 'Sequential', layers: 'dense' })).toThrow(
    /^Sequential: expected config\.layers to be an array, got string$/,
  );
});

test('Composite.getConfig: the whole refusal, with what to do instead', () => {
  const model = new Composite({ name: 'code', layers: { a: new Dense({ units: 1 }) }, forward: (_l, x) => x });
  expect(() => model.getConfig()).toThrow(
    "Composite.getConfig: model 'code' is defined by code and has no saveable topology: save its weights with " +
      'getWeights(), or subclass it and register the subclass with registerLayerType',
  );
});

test('Sequential: children() is a copy; layers is the stack', () => {
  const dense = new Dense({ units: 1 });
  const model = new Sequential({ layers: [dense] });
  model.children().push(new Dense({ units: 2 }));
  expect(model.layers).toEqual([dense]);
  expect(model.children()).toEqual([dense]);
});

describeEachBackend('containers', () => {
  test('Sequential: a failing child config frees the layers made before it', async () => {
    await expectNoLeakedTensors(() => {
      expect(() =>
        layerFromConfig({ type: 'Sequential', layers: [{ type: 'GapEager' }, { type: 'GapNowhere' }] }),
      ).toThrow(/^layerFromConfig: unknown layer type "GapNowhere"/);
    });
  });

  test('Sequential: the training flag and the mask reach each layer; the last mask comes out', async () => {
    const first = new Recorder({}, true);
    const second = new Recorder({}, true);
    const model = new Sequential({ layers: [first, new MaskMaker(), second] });
    const x = tf.tensor2d([
      [1, 5],
      [-1, 6],
    ]);
    const given = tf.tensor1d([false, true], 'bool');
    const out = model.applyWithMask(x, { training: true, mask: given });
    // The build ran once on zeros (inference, no mask); then the real call.
    expect(first.seen.at(-1)?.training).toBe(true);
    const firstMask = first.seen.at(-1)?.mask as tf.Tensor;
    expect(Array.from(await firstMask.data())).toEqual([0, 1]);
    expect(second.seen.at(-1)?.training).toBe(true);
    expect(Array.from(await (out.masks[0] as tf.Tensor).data())).toEqual([1, 0]);
    await expectTensorsClose(out.outputs[0] as tf.Tensor, [
      [4, 20],
      [-4, 24],
    ]);
    tf.dispose([x, given, ...out.outputs, ...out.masks]);
    model.dispose();
  });

  test('Sequential and TimeDistributed refuse an inner layer with two outputs, leaking nothing', async () => {
    const x = tf.ones([1, 2, 2]);
    const sequential = new Sequential({ layers: [new TwoOutputs()] });
    await expectNoLeakedTensors(() => {
      expect(() => sequential.apply(x)).toThrow(
        /^Sequential\.apply: layer 'two' has 2 outputs; a Sequential passes one tensor from layer to layer$/,
      );
    });
    const perStep = new TimeDistributed({ layer: new TwoOutputs() });
    await expectNoLeakedTensors(() => {
      expect(() => perStep.apply(x)).toThrow(
        /^TimeDistributed\.apply: expected the inner layer 'two' to give one output, got 2$/,
      );
    });
    x.dispose();
  });

  test('TimeDistributed: ranks checked at build and after; any time length; a [batch, time] mask stays', async () => {
    const layer = new TimeDistributed({ layer: new Recorder(), name: 'td' });
    const flat = tf.ones([2, 3]);
    expect(() => layer.apply(flat)).toThrow(
      /^TimeDistributed: expected x of rank >= 3 \(\[batch, time, \.\.\.\]\), got rank 2 \(shape \[2,3\]\)$/,
    );
    const x = tf.tensor3d([[[1], [2], [3]]]);
    const longer = tf.ones([1, 5, 1]);
    const deeper = tf.ones([1, 3, 1, 1]);
    const mask = tf.tensor2d([[true, false, true]], [1, 3], 'bool');
    const y = layer.apply(x, { mask });
    await expectTensorsClose(y, [[[2], [4], [6]]]);
    const z = layer.apply(longer);
    expect(z.shape).toEqual([1, 5, 1]);
    expect(() => layer.apply(deeper)).toThrow(
      /^TimeDistributed\.apply: layer 'td' was built for x of rank 3, got \[1,3,1,1\]$/,
    );
    // The inner layer does not support masking, yet a [batch, time] mask never reaches it.
    expect((layer.layer as Recorder).seen.every((s) => s.mask === undefined)).toBe(true);
    const out = layer.applyWithMask(x, { mask });
    expect(Array.from(await (out.masks[0] as tf.Tensor).data())).toEqual([1, 0, 1]);
    tf.dispose([flat, x, longer, deeper, mask, y, z, ...out.outputs, ...out.masks]);
    layer.dispose();
  });

  test('TimeDistributed: rank 4 stays rank 4; a deeper mask is folded for the inner layer, with training', async () => {
    const inner = new Recorder({}, true);
    const layer = new TimeDistributed({ layer: inner });
    layer.ensureBuilt([1, 2, 3, 1]);
    expect(inner.isBuilt).toBe(true); // built by the run on zeros
    const x = tf.ones([1, 2, 3, 1]);
    const mask = tf.tensor3d(
      [
        [
          [true, false, true],
          [false, true, true],
        ],
      ],
      [1, 2, 3],
      'bool',
    );
    const out = layer.applyWithMask(x, { mask, training: true });
    expect(inner.seen.at(-1)?.training).toBe(true);
    expect(inner.seen.at(-1)?.mask?.shape).toEqual([2, 3]);
    expect(out.masks[0]?.shape).toEqual([1, 2, 3]);
    expect(Array.from(await (out.masks[0] as tf.Tensor).data())).toEqual([1, 0, 1, 0, 1, 1]);
    layer.inputShape = undefined; // nothing recorded: rank 3 assumed
    expect(() => layer.apply(x)).toThrow(/was built for x of rank 3, got \[1,2,3,1\]$/);
    tf.dispose([x, mask, ...out.outputs, ...out.masks]);
    layer.dispose();
  });

  test('Residual: a body that changes only the rank is refused; y = f(x) + x', async () => {
    class AddAxis extends Layer {
      constructor() {
        super({ name: 'grow' }, 'GapAddAxis', []);
      }
      protected override call(x: tf.Tensor): tf.Tensor {
        return tf.expandDims(x, -1);
      }
    }
    const x = tf.tensor2d([[1, 2, 3]]);
    expect(() => new Residual({ body: new AddAxis() }).apply(x)).toThrow(
      /^Residual: expected body 'grow' to keep the input shape \[1,3\], got \[1,3,1\]$/,
    );
    class DropAxis extends Layer {
      constructor() {
        super({ name: 'shrink' }, 'GapDropAxis', []);
      }
      protected override call(x: tf.Tensor): tf.Tensor {
        return tf.sum(x, -1);
      }
    }
    // [1] would broadcast against [1, 3]: refused all the same.
    expect(() => new Residual({ body: new DropAxis() }).apply(x)).toThrow(
      /^Residual: expected body 'shrink' to keep the input shape \[1,3\], got \[1\]$/,
    );
    const block = new Residual({ body: new Recorder() });
    const y = block.apply(x);
    await expectTensorsClose(y, [[3, 6, 9]]);
    tf.dispose([x, y]);
  });

  test('config round trips at non-default options: name, trainable false, seed, the nested layer', async () => {
    const x = tf.tensor3d([
      [
        [0.5, -1],
        [2, 0.25],
      ],
    ]);
    const made = [
      new Sequential({
        name: 'seq',
        trainable: false,
        seed: 3,
        layers: [new Dense({ units: 2 }), new Dense({ units: 1 })],
      }),
      new Residual({ name: 'res', trainable: false, seed: 4, body: new Dense({ units: 2 }) }),
      new TimeDistributed({ name: 'td', trainable: false, seed: 5, layer: new Dense({ units: 3 }) }),
    ];
    const expectedTop = [
      { type: 'Sequential', name: 'seq', trainable: false, seed: 3 },
      { type: 'Residual', name: 'res', trainable: false, seed: 4 },
      { type: 'TimeDistributed', name: 'td', trainable: false, seed: 5 },
    ];
    for (const [i, layer] of made.entries()) {
      const config = JSON.parse(JSON.stringify(layer.getConfig()));
      expect(config).toMatchObject(expectedTop[i] as object);
      const child = layer.children()[0] as Layer;
      expect(config[['layers', 'body', 'layer'][i] as string]).toEqual(
        i === 0 ? [child.getConfig(), layer.children()[1]?.getConfig()] : child.getConfig(),
      );
      const copy = layerFromConfig(config);
      expect(copy.getConfig()).toEqual(config);
      expect(copy.trainable).toBe(false);
      expect(copy.children().every((c) => !c.trainable)).toBe(true);
      const [a, b] = [layer.apply(x), copy.apply(x)];
      await expectTensorsClose(b, a, { rtol: 0, atol: 0 });
      tf.dispose([a, b]);
      copy.dispose();
      layer.dispose();
    }
    x.dispose();
  });
});
