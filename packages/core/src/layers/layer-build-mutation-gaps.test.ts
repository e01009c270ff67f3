// The six survivors the layers' base part left open in layer.ts (issue 21), each a case the other
// tests did not reach: a symbolic apply of a two-output layer, a layer built before a free-size
// probe, the shapes a list layer's own build receives, the build-time run's `training: false`, and
// setWeights refusing a value that differs in one axis of two.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { input } from '../graph/input.js';
import { describeEachBackend, expectTensorsClose } from '../testing.js';
import { Layer, type CallContext, type LayerOptions } from './layer.js';

/** Two outputs: [x, x + x]. */
class Pair extends Layer {
  constructor(options: LayerOptions = {}) {
    super(options, 'GapPair', []);
  }
  protected override call(x: tf.Tensor): tf.Tensor[] {
    return [tf.clone(x), tf.add(x, x)];
  }
}

/** x * 2 for any rank; the default shape check (every non-batch axis as built). */
class Doubler extends Layer {
  constructor(options: LayerOptions = {}) {
    super(options, 'GapDoubler', []);
  }
  protected override call(x: tf.Tensor): tf.Tensor {
    return tf.mul(x, 2);
  }
}

/** A list layer (x[0] + x[1] on the last axis) whose own build records the shapes it receives. */
class ListBuild extends Layer {
  override readonly takesInputList = true;
  readonly buildShapes: (number[] | number[][])[] = [];
  constructor() {
    super({}, 'GapListBuild', []);
  }
  protected override build(inputShape: number[] | number[][]): void {
    this.buildShapes.push(inputShape);
    (inputShape as number[][])[0]?.push(99); // the layer's own copy: the recorded shapes must not see this
  }
  protected override call(x: tf.Tensor[]): tf.Tensor {
    return tf.concat(x, -1);
  }
}

/** A container that records the context its own call receives, around a child it leaves unbuilt. */
class ContextHolder extends Layer {
  readonly child = new Doubler();
  readonly contexts: CallContext[] = [];
  constructor() {
    super({}, 'GapContextHolder', []);
  }
  override children(): Layer[] {
    return [this.child];
  }
  protected override call(x: tf.Tensor, context: CallContext): tf.Tensor {
    this.contexts.push(context);
    return this.child.apply(x, context);
  }
}

/** One weight w [2, 3]. */
class Weighted extends Layer {
  constructor() {
    super({ name: 'w' }, 'GapWeighted', []);
  }
  protected override build(): void {
    this.addWeight('w', [2, 3], { initializer: 'ones' });
  }
  protected override call(x: tf.Tensor): tf.Tensor {
    return tf.matMul(x as tf.Tensor2D, this.weight('w').read() as tf.Tensor2D);
  }
}

describeEachBackend('Layer build and weights', () => {
  // The shape probe of a symbolic apply runs the layer on tensors: inside the backend loop.
  test('apply of a symbolic input to a two-output layer: the ArgumentError, not a TypeError', () => {
    const layer = new Pair({ name: 'pair' });
    expect(() => layer.apply(input({ shape: [3] }))).toThrow(
      /^GapPair\.apply: layer 'pair' has 2 outputs: use applyMulti, which returns one per output$/,
    );
    layer.dispose();
  });

  test('a layer built before a free-size graph keeps its fixed length and refuses the free one', () => {
    const layer = new Doubler({ name: 'fixed' });
    const x = tf.ones([1, 32, 3]); // 32: the first size the graph's shape probe tries
    layer.apply(x).dispose();
    expect(() => layer.apply(input({ shape: [null, 3] }))).toThrow(
      /^GapDoubler\.apply: layer 'fixed' cannot take inputs of shape \[null,null,3\] with free \(null\) sizes/,
    );
    expect(layer.inputShapes).toEqual([[null, 32, 3]]);
    expect(layer.isBuilt).toBe(true);
    x.dispose();
  });

  test("a list layer's own build receives every input shape, as copies", async () => {
    const layer = new ListBuild();
    const shapes = [
      [4, 1],
      [4, 2],
    ];
    layer.ensureBuilt(shapes);
    expect(layer.buildShapes).toEqual([
      [
        [4, 1, 99],
        [4, 2],
      ],
    ]);
    expect(shapes).toEqual([
      [4, 1],
      [4, 2],
    ]);
    expect(layer.inputShapes).toEqual([
      [null, 1],
      [null, 2],
    ]);
    const a = tf.ones([1, 1]);
    const b = tf.zeros([1, 2]);
    const y = layer.apply([a, b]);
    await expectTensorsClose(y, [[1, 0, 0]]);
    tf.dispose([a, b, y]);
  });

  test('a container building its children on zeros is called with training false, not left unset', () => {
    const holder = new ContextHolder();
    holder.ensureBuilt([8, 3]);
    expect(holder.child.isBuilt).toBe(true);
    expect(holder.contexts).toHaveLength(1);
    expect(holder.contexts[0]?.training).toBe(false);
    holder.dispose();
  });

  test('setWeights refuses a value of the right rank that differs in one axis of two', async () => {
    const layer = new Weighted();
    layer.ensureBuilt([1, 2]);
    const wide = tf.zeros([2, 5]);
    const tall = tf.zeros([4, 3]);
    expect(() => layer.setWeights([wide])).toThrow(
      /^GapWeighted\.setWeights: expected values\[0\] \('w\/w'\) of shape \[2,3\], got \[2,5\]$/,
    );
    expect(() => layer.setWeights([tall])).toThrow(/of shape \[2,3\], got \[4,3\]$/);
    await expectTensorsClose(layer.weight('w').read(), [
      [1, 1, 1],
      [1, 1, 1],
    ]);
    tf.dispose([wide, tall]);
    layer.dispose();
  });
});
