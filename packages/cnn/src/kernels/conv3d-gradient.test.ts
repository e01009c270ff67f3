import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { useBackend } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { loadTorchFixture, torchFixtureNames } from '@baihua/test-fixtures';
import '../index.js';
import { expectCleanThrow } from '../../test/expect-clean-throw.js';
import { conv3dBackpropFilter } from './conv3d-backprop-filter.js';
import { conv3dBackpropInput } from './conv3d-backprop-input.js';
import { conv3dForward } from './conv3d-forward.js';

// The conv3d fixtures tf.conv3d can run itself: dilation 1, 'valid' or 'same' (strides 1 and 2).
const cases = torchFixtureNames('conv3d').filter((name) => {
  const c = loadTorchFixture('conv3d', name);
  return name.startsWith('conv3d_') && c.number('dilation') === 1 && c.get('mode') !== 'full';
});

type Padding = 'valid' | 'same';

/** tf.conv3d plus a bias added through a 2-D reshape (a rank-5 broadcast add is wrong on webgpu). */
function convWithBias(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor, strides: number, pad: Padding): tf.Tensor {
  const y = tf.conv3d(x as tf.Tensor5D, w as tf.Tensor5D, strides, pad);
  const channels = y.shape[4] as number;
  return tf.reshape(tf.add(tf.reshape(y, [-1, channels]), b), y.shape);
}

describe('conv3d fixture coverage', () => {
  test('valid and same, strides 1 and 2', () => {
    const seen = cases.map((name) => {
      const c = loadTorchFixture('conv3d', name);
      return `${c.get('mode')} ${c.number('stride')}`;
    });
    expect(new Set(seen)).toEqual(new Set(['valid 1', 'same 1', 'same 2', 'valid 2']));
  });
});

describeEachBackend('tf.conv3d and its gradient (our Conv3D gradient config) against PyTorch', () => {
  test.each(cases)('%s: values and gradients of input, filter and bias', async (name) => {
    const c = loadTorchFixture('conv3d', name);
    const [x, w, b, dy] = [c.tensor('x'), c.tensor('w'), c.tensor('b'), c.tensor('dy')];
    const f = (xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor) =>
      convWithBias(xi, wi, bi, c.number('stride'), c.get('mode') as Padding);
    try {
      const y = f(x, w, b);
      const grads = tf.grads(f)([x, w, b], dy);
      await expectTensorsClose(y, c.spec('y'));
      await expectTensorsClose(grads[0] as tf.Tensor, c.spec('dx'));
      await expectTensorsClose(grads[1] as tf.Tensor, c.spec('dw'));
      await expectTensorsClose(grads[2] as tf.Tensor, c.spec('db'));
      tf.dispose([y, ...grads]);
    } finally {
      tf.dispose([x, w, b, dy]);
    }
  });

  test('conv3dBackpropInput and conv3dBackpropFilter give the fixture gradients (same, stride 2)', async () => {
    const c = loadTorchFixture('conv3d', 'conv3d_3x2x3_same_s2_d1');
    const [x, w, dy] = [c.tensor('x'), c.tensor('w'), c.tensor('dy')] as tf.Tensor5D[];
    const [xs, ws, dys] = [x, w, dy] as [tf.Tensor5D, tf.Tensor5D, tf.Tensor5D];
    try {
      const before = tf.memory().numTensors;
      const dx = conv3dBackpropInput(xs.shape, dys, ws, [2, 2, 2], 'same');
      const dw = conv3dBackpropFilter(xs, dys, ws.shape, [2, 2, 2], 'same');
      expect(tf.memory().numTensors).toBe(before + 2);
      await expectTensorsClose(dx, c.spec('dx'));
      await expectTensorsClose(dw, c.spec('dw'));
      tf.dispose([dx, dw]);
    } finally {
      tf.dispose([x, w, dy]);
    }
  });

  test('conv3dForward (the fast kernel on wasm): values and gradients of the fixtures', async () => {
    for (const name of cases) {
      const c = loadTorchFixture('conv3d', name);
      const [x, w, dy] = [c.tensor('x'), c.tensor('w'), c.tensor('dy')] as tf.Tensor5D[];
      const stride = c.number('stride');
      const f = (xi: tf.Tensor, wi: tf.Tensor) =>
        conv3dForward(xi as tf.Tensor5D, wi as tf.Tensor5D, [stride, stride, stride], c.get('mode') as Padding);
      try {
        const y = f(x as tf.Tensor, w as tf.Tensor);
        const grads = tf.grads(f)([x as tf.Tensor, w as tf.Tensor], dy);
        // The fixture's y includes the bias: compare y + b through a 2-D reshape.
        const b = c.tensor('b');
        const withBias = tf.reshape(tf.add(tf.reshape(y, [-1, b.size]), b), y.shape);
        await expectTensorsClose(withBias, c.spec('y'));
        await expectTensorsClose(grads[0] as tf.Tensor, c.spec('dx'));
        await expectTensorsClose(grads[1] as tf.Tensor, c.spec('dw'));
        tf.dispose([y, b, withBias, ...grads]);
      } finally {
        tf.dispose([x, w, dy] as tf.Tensor[]);
      }
    }
  });

  test('leaves no tensors behind, forward and backward', async () => {
    const x = tf.ones([1, 4, 5, 3, 2]);
    const w = tf.ones([2, 3, 2, 2, 3]);
    await expectNoLeakedTensors(() =>
      tf.grads((a: tf.Tensor, k: tf.Tensor) => tf.conv3d(a as tf.Tensor5D, k as tf.Tensor5D, [2, 1, 2], 'same'))([
        x,
        w,
      ]),
    );
    tf.dispose([x, w]);
  });
});

describe('the Conv3D gradient on wasm', () => {
  test("runs the exact kernels: stock wasm's input gradient differs from PyTorch, ours equals it", async () => {
    await useBackend('wasm');
    const c = loadTorchFixture('conv3d', 'conv3d_3x3x3_valid_s1_d1');
    const [x, w, dy] = [c.tensor('x'), c.tensor('w'), c.tensor('dy')] as tf.Tensor5D[];
    const [xs, ws, dys] = [x, w, dy] as [tf.Tensor5D, tf.Tensor5D, tf.Tensor5D];
    const attrs = { strides: [1, 1, 1], pad: 'valid', inputShape: xs.shape } as unknown as tf.NamedAttrMap;
    const stock = tf.engine().runKernel(tf.Conv3DBackpropInputV2, { dy: dys, filter: ws }, attrs) as tf.Tensor;
    const [dx] = tf.grads((a: tf.Tensor) => tf.conv3d(a as tf.Tensor5D, ws, 1, 'valid'))([xs], dys);
    const expected = c.spec('dx');
    const stockError = Math.max(
      ...Array.from(await stock.data(), (v, i) => Math.abs(v - (expected.data[i] as number))),
    );
    expect(stockError).toBeGreaterThan(1e-2);
    await expectTensorsClose(dx as tf.Tensor, expected);
    tf.dispose([x, w, dy, stock, dx as tf.Tensor]);
  });
});

describe('conv3d gradient bad input', () => {
  test('dilations > 1 are refused with a clear message (conv3d dilates the filter instead)', async () => {
    await useBackend('cpu');
    const x = tf.ones([1, 5, 5, 5, 1]);
    const w = tf.ones([2, 2, 2, 1, 1]);
    const f = (a: tf.Tensor) => tf.conv3d(a as tf.Tensor5D, w as tf.Tensor5D, 1, 'valid', 'NDHWC', 2);
    const before = tf.memory().numTensors;
    expect(() => tf.grad(f)(x)).toThrow(/conv3d gradient: expected dilations of 1 .*got \[2,2,2\]/);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, w]);
  });

  test('conv3dBackpropInput, conv3dBackpropFilter and conv3dForward name wrong ranks and channel counts', () => {
    type Pair = [tf.Tensor5D, tf.Tensor5D];
    const volume = () => tf.zeros([1, 4, 4, 4, 2]) as tf.Tensor5D;
    const dy = () => tf.zeros([1, 2, 2, 2, 3]) as tf.Tensor5D;
    const filter = () => tf.zeros([3, 3, 3, 2, 3]) as tf.Tensor5D;
    expectCleanThrow(
      (): Pair => [tf.zeros([2, 2, 2, 3]) as unknown as tf.Tensor5D, filter()],
      (d, k) => conv3dBackpropInput([1, 4, 4, 4, 2], d, k, [2, 2, 2], 'same'),
      /conv3dBackpropInput: expected dy and filter of rank 5 .*got dy \[2,2,2,3\]/,
    );
    expectCleanThrow(
      (): Pair => [dy(), filter()],
      (d, k) => conv3dBackpropInput([1, 4, 4, 4, 5], d, k, [2, 2, 2], 'same'),
      /conv3dBackpropInput: expected filter \[kd, kh, kw, 5, 3\], got \[3,3,3,2,3\]/,
    );
    expectCleanThrow(
      (): Pair => [volume(), tf.zeros([3, 3, 3, 3, 4]) as tf.Tensor5D],
      (v, k) => conv3dForward(v, k, [1, 1, 1], 'same'),
      /conv3dForward: expected x \[N, D, H, W, C\] and filter .* got x \[1,4,4,4,2\], filter \[3,3,3,3,4\]/,
    );
    expectCleanThrow(
      (): Pair => [volume(), dy()],
      (v, d) => conv3dBackpropFilter(v, d, [3, 3, 3, 2, 4], [2, 2, 2], 'same'),
      /conv3dBackpropFilter: expected filterShape \[kd, kh, kw, 2, 3\] .*got filterShape \[3,3,3,2,4\]/,
    );
  });
});
