// The Layer base class's contract, case by case (issue 21: mutation testing found these unchecked):
// its option checks and their exact messages, the seeded weights against the generator by hand,
// build, shape checks, masks, several outputs, weights, setWeights and getConfig.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { createRandom } from '../random/seeded-random.js';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import { Layer, type CallContext, type LayerOptions, type MaskedOutputs } from './layer.js';
import { input } from '../graph/input.js';
import { Dense } from './dense.js';
import { withParameterBudget } from './parameter-budget.js';
import { Sequential } from './sequential.js';

/** kernel [in, 2] of ones (regularised), stat [2] of zeros (not trainable): y = x · kernel. */
class GapProbe extends Layer {
  readonly contexts: { training: boolean; mask: tf.Tensor | undefined; shape: number[] }[] = [];
  constructor(options: LayerOptions = {}, keys: readonly string[] | 'unchecked' = []) {
    super(options, 'GapProbe', keys === 'unchecked' ? undefined : keys);
  }
  protected override build(inputShape: number[]): void {
    this.addWeight('kernel', [inputShape.at(-1) as number, 2], { initializer: 'ones', regularize: true });
    this.addWeight('stat', [2], { trainable: false });
  }
  protected override call(x: tf.Tensor, context: CallContext): tf.Tensor {
    this.contexts.push({ training: context.training, mask: context.mask, shape: x.shape });
    return tf.matMul(x as tf.Tensor2D, this.weight('kernel').read() as tf.Tensor2D);
  }
  override nameChild(child: Layer, key: string): void {
    super.nameChild(child, key);
  }
  override addWeight(...args: Parameters<Layer['addWeight']>) {
    return super.addWeight(...args);
  }
  override randomSource() {
    return super.randomSource();
  }
}

/** Returns x as it came (the base class must hand back a copy); passes masks through. */
class Identity extends Layer {
  constructor(options: LayerOptions = {}) {
    super(options, 'GapIdentity', []);
    this.supportsMasking = true;
  }
  protected override call(x: tf.Tensor): tf.Tensor {
    return x;
  }
}

/** Two outputs of different widths: [x, concat(x, x)]. */
class TwoOutputs extends Layer {
  constructor(options: LayerOptions = {}) {
    super(options, 'GapTwoOutputs', []);
  }
  protected override call(x: tf.Tensor): tf.Tensor[] {
    return [tf.clone(x), tf.concat([x, x], -1)];
  }
}

/** A list layer (x[0] + x[1]) that records its context. */
class ListProbe extends Layer {
  override readonly takesInputList = true;
  readonly contexts: CallContext[] = [];
  constructor(options: LayerOptions = {}, masking = false) {
    super(options, 'GapList', []);
    this.supportsMasking = masking;
  }
  protected override call(x: tf.Tensor[], context: CallContext): tf.Tensor {
    this.contexts.push(context);
    return tf.add(x[0] as tf.Tensor, x[1] as tf.Tensor);
  }
}

/** A container with a weight of its own and children it does not build itself. */
class Holder extends Layer {
  readonly inner: Layer[];
  constructor(inner: Layer[], options: LayerOptions = {}) {
    super(options, 'GapHolder', []);
    this.inner = inner;
  }
  protected override build(): void {
    this.addWeight('own', [1], { initializer: 'ones' });
  }
  override children(): Layer[] {
    return this.inner;
  }
  protected override call(x: tf.Tensor, context: CallContext): tf.Tensor {
    return [...new Set(this.inner)].reduce((y, layer) => layer.apply(y, context), x);
  }
}

/** A list container: its child sees the inputs concatenated on the last axis. */
class ListHolder extends Layer {
  override readonly takesInputList = true;
  readonly child = new GapProbe();
  constructor() {
    super({}, 'GapListHolder', []);
  }
  override children(): Layer[] {
    return [this.child];
  }
  protected override call(x: tf.Tensor[], context: CallContext): tf.Tensor {
    return this.child.apply(tf.concat(x, -1), context);
  }
}

/** Returns its output as its own mask (the same tensor in both lists). */
class OutputIsMask extends Layer {
  constructor() {
    super({}, 'GapOutputIsMask', []);
  }
  protected override call(x: tf.Tensor): tf.Tensor {
    // notEqual, not cast: wasm's cast to bool keeps the float values (2 stays 2).
    return tf.notEqual(x, 0);
  }
  protected override callWithMask(x: tf.Tensor): MaskedOutputs {
    const y = this.call(x);
    return { outputs: [y], masks: [y] };
  }
}

test('constructor: each refused option names the layer and the value', () => {
  expect(() => new GapProbe(null as never)).toThrow(/^GapProbe: expected an options object, got null$/);
  expect(() => new GapProbe([] as never)).toThrow(/^GapProbe: expected an options object, got an array$/);
  expect(() => new GapProbe(3 as never)).toThrow(/^GapProbe: expected an options object, got number$/);
  expect(() => new GapProbe({ name: 3 as never })).toThrow(/^GapProbe: expected name to be a non-empty string, got 3$/);
  expect(() => new GapProbe({ name: '' })).toThrow(/^GapProbe: expected name to be a non-empty string, got ""$/);
  expect(() => new GapProbe({ seed: 1.5 })).toThrow(/^GapProbe: expected seed to be an integer, got 1.5$/);
  expect(() => new GapProbe({ seed: '2' as never })).toThrow(/^GapProbe: expected seed to be an integer, got 2$/);
  expect(() => new GapProbe({ units: 2 } as never)).toThrow(/^GapProbe: unknown key 'units' in options/);
  // Every LayerOptions key is accepted; a layer that lists no keys of its own accepts anything.
  expect(new GapProbe({ name: 'p', trainable: false, seed: 0 }).seed).toBe(0);
  expect(new GapProbe({ units: 2 } as never, 'unchecked').typeName).toBe('GapProbe');
});

test('getConfig: the name, trainable and seed given, and no seed key before a seed exists', () => {
  expect(new GapProbe({ name: 'given', trainable: false, seed: 7 }).getConfig()).toEqual({
    type: 'GapProbe',
    name: 'given',
    trainable: false,
    seed: 7,
  });
  const auto = new GapProbe();
  expect(auto.name).toMatch(/^gap_probe_\d+$/);
  const config = auto.getConfig();
  expect(config).toEqual({ type: 'GapProbe', name: auto.name, trainable: true });
  expect(Object.keys(config)).toEqual(['type', 'name', 'trainable']);
});

test('nameChild: parent/key, following later renames; own names, first names and cycles are kept', () => {
  const outer = new GapProbe();
  const top = outer.name;
  expect(top).toMatch(/^gap_probe_\d+$/);
  const inner = new GapProbe();
  const leaf = new GapProbe();
  const named = new GapProbe({ name: 'mine' });
  inner.nameChild(leaf, 'leaf');
  expect(leaf.name).toBe(`${inner.name}/leaf`);
  outer.nameChild(inner, 'inner');
  expect(inner.name).toBe(`${top}/inner`);
  expect(leaf.name).toBe(`${top}/inner/leaf`);
  outer.nameChild(leaf, 'again'); // named by inner first
  expect(leaf.name).toBe(`${top}/inner/leaf`);
  outer.nameChild(named, 'x');
  expect(named.name).toBe('mine');
  // A layer is never named after itself or after one of its own descendants (no cycle).
  outer.nameChild(outer, 'self');
  expect(outer.name).toBe(top);
  leaf.nameChild(outer, 'up');
  expect(outer.name).toBe(top);
  expect(leaf.name).toBe(`${top}/inner/leaf`);
});

describeEachBackend('Layer base class', () => {
  test('getConfig: building fixes a seed, a non-negative integer below 2^31, then in the config', () => {
    const auto = new GapProbe();
    expect(auto.getConfig()).not.toHaveProperty('seed');
    auto.ensureBuilt([1, 2]);
    expect(Number.isInteger(auto.seed)).toBe(true);
    expect(auto.seed).toBeGreaterThanOrEqual(0);
    expect(auto.seed).toBeLessThan(2 ** 31);
    expect(auto.getConfig()).toEqual({ type: 'GapProbe', name: auto.name, trainable: true, seed: auto.seed });
    auto.dispose();
  });

  test('trainable: set on a container, it reaches every child, both ways', () => {
    const a = new GapProbe();
    const b = new GapProbe();
    const holder = new Holder([a, b]);
    holder.trainable = false;
    expect([holder.trainable, a.trainable, b.trainable]).toEqual([false, false, false]);
    holder.trainable = true;
    expect([holder.trainable, a.trainable, b.trainable]).toEqual([true, true, true]);
  });

  test('apply: a layer with two outputs is refused, freeing both; applyMulti returns both', async () => {
    const layer = new TwoOutputs({ name: 'two' });
    const x = tf.tensor2d([[1, 2, 3]]);
    await expectNoLeakedTensors(() => {
      expect(() => layer.apply(x)).toThrow(
        /^GapTwoOutputs\.apply: layer 'two' has 2 outputs: use applyMulti, which returns one per output$/,
      );
    });
    const [first, second] = layer.applyMulti(x) as [tf.Tensor, tf.Tensor];
    await expectTensorsClose(first, [[1, 2, 3]]);
    await expectTensorsClose(second, [[1, 2, 3, 1, 2, 3]]);
    expect(layer.outputShapes).toEqual([
      [null, 3],
      [null, 6],
    ]);
    expect(layer.outputShape).toEqual([null, 3]);
    tf.dispose([x, first, second]);
  });

  test('outputs and masks are new tensors the caller owns, even an input or mask passed through', async () => {
    const layer = new Identity();
    const x = tf.tensor2d([[1, 2]]);
    const mask = tf.tensor1d([true], 'bool');
    const { outputs, masks } = layer.applyWithMask(x, { mask });
    expect(outputs[0]).not.toBe(x);
    expect(masks[0]).not.toBe(mask);
    tf.dispose([...outputs, ...masks]);
    await expectTensorsClose(x, [[1, 2]]);
    expect(Array.from(await mask.data())).toEqual([1]);
    // apply and applyMulti free the output masks they do not return.
    await expectNoLeakedTensors(() => layer.apply(x, { mask }));
    await expectNoLeakedTensors(() => layer.applyMulti(x, { mask }));
    await expectNoLeakedTensors(() => layer.apply(x));
    // An output that is also its own mask is returned, not freed.
    const y = new OutputIsMask().applyMulti(x)[0] as tf.Tensor;
    expect(y.isDisposed).toBe(false);
    expect(Array.from(await y.data())).toEqual([1, 1]);
    tf.dispose([x, mask, y]);
  });

  test('apply: training defaults to false and is passed on; a mask is passed in context.mask', () => {
    const layer = new GapProbe();
    layer.supportsMasking = true;
    const x = tf.ones([1, 2]);
    const mask = tf.tensor1d([true], 'bool');
    layer.apply(x).dispose();
    layer.apply(x, { training: true }).dispose();
    layer.apply(x, { training: false, mask }).dispose();
    expect(layer.contexts.map((c) => [c.training, c.mask === undefined])).toEqual([
      [false, true],
      [true, true],
      [false, false],
    ]);
    expect(() => layer.apply(x, { trainng: true } as never)).toThrow(
      /^GapProbe\.apply: unknown key 'trainng' in options/,
    );
    tf.dispose([x, mask]);
    layer.dispose();
  });

  test('masks: refused with the whole message where unsupported; AND of a list; none in, none out', async () => {
    const layer = new GapProbe({ name: 'plain' });
    const x = tf.ones([2, 2]);
    const m1 = tf.tensor1d([false, true], 'bool');
    const m2 = tf.tensor1d([true, false], 'bool');
    layer.ensureBuilt([2, 2]);
    await expectNoLeakedTensors(() => {
      expect(() => layer.apply(x, { mask: m1 })).toThrow(
        new RegExp(
          "^GapProbe\\.apply: layer 'plain' does not support masking, but its input carries a mask \\(from Masking " +
            'or Embedding maskZero\\): put it after a layer that consumes the mask \\(a recurrent layer, a global ' +
            'pooling layer\\)$',
        ),
      );
    });
    // A list layer: context.masks, never context.mask; no mask given is no mask, even unsupported.
    const plainList = new ListProbe();
    const none = plainList.applyWithMask([x, x], { mask: [undefined, undefined] });
    expect(none.masks).toEqual([undefined]);
    expect(plainList.contexts[0]?.masks).toHaveLength(2);
    expect(plainList.contexts[0]?.masks?.every((m) => m === undefined)).toBe(true);
    expect(plainList.contexts[0]?.mask).toBeUndefined();
    expect(() => plainList.apply([x, x], { mask: [m1, undefined] })).toThrow(/does not support masking/);
    const list = new ListProbe({}, true);
    const one = list.applyWithMask([x, x], { mask: [undefined, m2] });
    const both = list.applyWithMask([x, x], { mask: [m1, m2] });
    expect(Array.from(await (one.masks[0] as tf.Tensor).data())).toEqual([1, 0]);
    expect(Array.from(await (both.masks[0] as tf.Tensor).data())).toEqual([0, 0]);
    expect(list.contexts[1]?.masks?.[0]).toBe(m1);
    expect(list.contexts[1]?.masks?.[1]).toBe(m2);
    tf.dispose([x, m1, m2, ...none.outputs, ...one.outputs, ...one.masks, ...both.outputs, ...both.masks]);
    layer.dispose();
  });

  test('ensureBuilt: one shape or a list as the layer takes, non-negative integers; a size 0 is fine', () => {
    expect(() => new GapProbe().ensureBuilt([[1, 2]])).toThrow(
      /^GapProbe\.build: expected one input shape \(this layer takes one input\), got a list of shapes$/,
    );
    expect(() => new ListProbe().ensureBuilt([2, 3])).toThrow(
      /^GapList\.build: expected a list of input shapes \(this layer takes several inputs\), got \[2,3\]$/,
    );
    expect(() => new GapProbe().ensureBuilt([2, -1])).toThrow(
      /^GapProbe\.build: expected a shape of non-negative integers, got \[2,-1\]$/,
    );
    expect(() => new GapProbe().ensureBuilt([2, 1.5])).toThrow(/non-negative integers, got \[2,1\.5\]/);
    expect(() =>
      new ListProbe().ensureBuilt([
        [2, 3],
        [2, -3],
      ]),
    ).toThrow(/non-negative integers, got \[2,-3\]/);
    const empty = new GapProbe();
    empty.ensureBuilt([0, 0]);
    expect(empty.weight('kernel').shape).toEqual([0, 2]);
    expect(empty.inputShape).toEqual([null, 0]);
    empty.dispose();
    const list = new ListProbe();
    list.ensureBuilt([
      [4, 3],
      [4, 5],
    ]);
    expect(list.inputShapes).toEqual([
      [null, 3],
      [null, 5],
    ]);
    expect(list.inputShape).toEqual([null, 3]);
  });

  test('a container whose build leaves children unbuilt runs once on zeros: batch 1, inference', () => {
    const built = new GapProbe();
    built.ensureBuilt([5, 3]);
    const fresh = new GapProbe();
    const holder = new Holder([built, fresh]);
    holder.ensureBuilt([8, 3]);
    expect(fresh.isBuilt).toBe(true);
    expect(fresh.contexts).toEqual([{ training: false, mask: undefined, shape: [1, 2] }]);
    expect(built.contexts).toEqual([{ training: false, mask: undefined, shape: [1, 3] }]);
    expect(holder.inputShapes).toEqual([[null, 3]]);
    holder.dispose();
    expect([holder.isBuilt, built.isBuilt, fresh.isBuilt]).toEqual([false, false, false]);
    expect(holder.weights()).toEqual([]);
  });

  test('a list container builds its unbuilt children on a list of zeros', () => {
    const holder = new ListHolder();
    holder.ensureBuilt([
      [4, 1],
      [4, 2],
    ]);
    expect(holder.child.contexts).toEqual([{ training: false, mask: undefined, shape: [1, 3] }]);
    expect(holder.child.weight('kernel').shape).toEqual([3, 2]);
    holder.dispose();
  });

  test('a symbolic input records a graph node; its free length probe leaves the layers free there', () => {
    const model = new Sequential({ layers: [new Dense({ units: 3, seed: 1 })] });
    const out = model.apply(input({ shape: [null, 2] }));
    expect(out.shape).toEqual([null, null, 3]);
    expect(model.inputShape).toEqual([null, null, 2]);
    const x = tf.ones([1, 5, 2]);
    const y = model.apply(x);
    expect(y.shape).toEqual([1, 5, 3]);
    tf.dispose([x, y]);
    model.dispose();
  });

  test('after build: other non-batch sizes are refused, naming the input; null sizes match any', () => {
    const layer = new GapProbe({ name: 'p' });
    layer.ensureBuilt([2, 3]);
    layer.ensureBuilt([9, 3]);
    expect(() => layer.ensureBuilt([2, 4])).toThrow(
      /^GapProbe\.apply: layer 'p' was built for input shape \[\*,3\], got \[2,4\]$/,
    );
    expect(() => layer.ensureBuilt([2, 3, 1])).toThrow(/built for input shape \[\*,3\], got \[2,3,1\]$/);
    layer.inputShapes = [[null, null, 3]];
    layer.ensureBuilt([2, 7, 3]);
    expect(() => layer.ensureBuilt([2, 7, 4])).toThrow(/built for input shape \[\*,\*,3\], got \[2,7,4\]$/);
    layer.inputShapes = undefined; // nothing recorded: nothing to check
    layer.ensureBuilt([2, 4, 4, 4]);
    layer.dispose();
    const list = new ListProbe({ name: 'l' });
    list.ensureBuilt([
      [2, 3],
      [2, 2],
    ]);
    expect(() =>
      list.ensureBuilt([
        [2, 3],
        [2, 5],
      ]),
    ).toThrow(/^GapList\.apply: layer 'l' was built for input 1 shape \[\*,2\], got \[2,5\]$/);
    expect(() =>
      list.ensureBuilt([
        [2, 3],
        [2, 2],
        [2, 1],
      ]),
    ).toThrow(/^GapList\.apply: layer 'l' was built for input 2 shape \[\], got \[2,1\]$/);
  });

  test('addWeight: its checks; zeros by default; trainable, regularize and their defaults', async () => {
    const layer = new GapProbe({ name: 'p' });
    layer.ensureBuilt([1, 3]);
    expect(() => layer.addWeight('w', [1], { initialiser: 'ones' } as never)).toThrow(
      /^GapProbe\.addWeight: unknown key 'initialiser' in options/,
    );
    expect(() => layer.addWeight('kernel', [1])).toThrow(/^GapProbe\.addWeight: weight 'kernel' exists already$/);
    expect(() => layer.addWeight('w', [2, -1])).toThrow(
      /^GapProbe\.addWeight: expected weight 'w' shape of non-negative integers, got \[2,-1\]$/,
    );
    expect(() => layer.addWeight('w', [1.5])).toThrow(/shape of non-negative integers, got \[1\.5\]/);
    const w = layer.addWeight('w', [2]);
    const frozen = layer.addWeight('frozen', [0], { trainable: false, regularize: true });
    await expectTensorsClose(w.read(), [0, 0]);
    expect([w.trainable, w.variable.trainable, w.regularize]).toEqual([true, true, false]);
    expect([frozen.trainable, frozen.variable.trainable, frozen.regularize]).toEqual([false, false, true]);
    const [kernel, stat] = [layer.weight('kernel'), layer.weight('stat')];
    expect([kernel.trainable, kernel.regularize, stat.trainable, stat.regularize]).toEqual([true, true, false, false]);
    expect(kernel.path).toBe('p/kernel');
    expect(kernel.read()).toBe(kernel.variable);
    expect(layer.trainableWeights().map((x) => x.name)).toEqual(['kernel', 'w']);
    expect(layer.nonTrainableWeights().map((x) => x.name)).toEqual(['stat', 'frozen']);
    layer.trainable = false;
    expect(layer.trainableWeights()).toEqual([]);
    expect(layer.nonTrainableWeights().map((x) => x.name)).toEqual(['kernel', 'stat', 'w', 'frozen']);
    expect(() => layer.weight('bias')).toThrow(
      /^GapProbe\.weight: layer 'p' has no weight 'bias' \(has: kernel, stat, w, frozen\)$/,
    );
    expect(() => new GapProbe({ name: 'q' }).weight('bias')).toThrow(/^GapProbe\.weight: .* \(has: none\)$/);
    expect(layer.countParams()).toBe(3 * 2 + 2 + 2 + 0);
    layer.dispose();
  });

  test('seeded weights: one generator per layer, seeded with the layer seed, continued weight to weight', async () => {
    // randomUniform's default: -0.05 + 0.1 u, u from mulberry32 (createRandom) seeded with the seed.
    const draws = (seed: number, n: number) => {
      const random = createRandom(seed);
      return Array.from({ length: n }, () => -0.05 + 0.1 * random.next());
    };
    const layer = new GapProbe({ seed: 7 });
    layer.ensureBuilt([1, 1]);
    const a = layer.addWeight('a', [2], { initializer: 'randomUniform' });
    const b = layer.addWeight('b', [3], { initializer: 'randomUniform' });
    const expected = draws(7, 5);
    await expectTensorsClose(a.read(), expected.slice(0, 2), { rtol: 1e-6, atol: 1e-7 });
    await expectTensorsClose(b.read(), expected.slice(2), { rtol: 1e-6, atol: 1e-7 });
    layer.dispose();
    // Before build (no generator yet): the seed's own sequence, seed 0 without one.
    const early = new GapProbe({ seed: 9 });
    await expectTensorsClose(early.addWeight('c', [2], { initializer: 'randomUniform' }).read(), draws(9, 2), {
      rtol: 1e-6,
      atol: 1e-7,
    });
    const unseeded = new GapProbe();
    await expectTensorsClose(unseeded.addWeight('d', [2], { initializer: 'randomUniform' }).read(), draws(0, 2), {
      rtol: 1e-6,
      atol: 1e-7,
    });
    expect(new GapProbe({ seed: 3 }).randomSource().next()).toBe(createRandom(3).next());
    const source = new GapProbe({ seed: 0 }).randomSource();
    expect(source.next()).toBe(createRandom(0).next());
    early.dispose();
    unseeded.dispose();
  });

  test('parameter budget: exactly enough passes; one more is refused naming the weight; lifted after', () => {
    // kernel 3 x 2 = 6, then stat 2: 8 in all.
    const fits = new GapProbe();
    withParameterBudget('loadModel', 8, () => fits.ensureBuilt([1, 3]));
    fits.dispose();
    const layer = new GapProbe({ name: 'p' });
    expect(() => withParameterBudget('loadModel', 5, () => layer.ensureBuilt([1, 3]))).toThrow(
      /^loadModel: the topology asks for more parameters than the weights hold \(weight 'p\/kernel' needs 6, 5 left\)$/,
    );
    expect(() => withParameterBudget('load', 7, () => layer.ensureBuilt([1, 3]))).toThrow(
      /^load: .* \(weight 'p\/stat' needs 2, 1 left\)$/,
    );
    expect(withParameterBudget('load', 0, () => 'value')).toBe('value');
    layer.ensureBuilt([1, 3]); // no budget any more
    expect(layer.countParams()).toBe(8);
    layer.dispose();
  });

  test('weights: own first, then children, each once; getWeights copies; dispose frees all', async () => {
    const child = new GapProbe({ name: 'c' });
    const holder = new Holder([child, child], { name: 'h' });
    const before = tf.memory().numTensors;
    holder.ensureBuilt([1, 3]);
    expect(holder.weights().map((w) => w.path)).toEqual(['h/own', 'c/kernel', 'c/stat']);
    expect(holder.countParams()).toBe(1 + 6 + 2);
    const copies = holder.getWeights();
    expect(copies.map((c) => c.shape)).toEqual([[1], [3, 2], [2]]);
    copies.forEach((c) => c.dispose());
    await expectTensorsClose(child.weight('kernel').read(), [
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    holder.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  test('setWeights: count, tensor, shape and rank checked for all before any changes; int32 cast', async () => {
    const layer = new GapProbe({ name: 'p' });
    layer.ensureBuilt([1, 3]);
    const good = tf.fill([3, 2], 5, 'int32');
    const flat = tf.zeros([3]);
    const wrong = tf.zeros([3]);
    const two = tf.zeros([2]);
    expect(() => layer.setWeights([good])).toThrow(
      /^GapProbe\.setWeights: expected 2 tensors \(one per weight\), got 1$/,
    );
    expect(() => layer.setWeights([good, 'x' as never])).toThrow(
      /^GapProbe\.setWeights: expected values\[1\] to be a tf\.Tensor, got string$/,
    );
    expect(() => layer.setWeights([good, wrong])).toThrow(
      /^GapProbe\.setWeights: expected values\[1\] \('p\/stat'\) of shape \[2\], got \[3\]$/,
    );
    expect(() => layer.setWeights([flat, two])).toThrow(
      /^GapProbe\.setWeights: expected values\[0\] \('p\/kernel'\) of shape \[3,2\], got \[3\]$/,
    );
    await expectTensorsClose(layer.weight('kernel').read(), [
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    const stat = tf.tensor1d([2, 3]);
    layer.setWeights([good, stat]);
    expect(layer.weight('kernel').read().dtype).toBe('float32');
    await expectTensorsClose(layer.weight('kernel').read(), [
      [5, 5],
      [5, 5],
      [5, 5],
    ]);
    await expectTensorsClose(layer.weight('stat').read(), [2, 3]);
    tf.dispose([good, flat, wrong, two, stat]);
    layer.dispose();
  });
});
