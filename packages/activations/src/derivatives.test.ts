import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { derivatives } from './derivatives.js';
import { elu, leakyRelu, linear, relu, sigmoid, tanh } from '@baihua/core';
import { loadTorchFixture } from '@baihua/test-fixtures';

/** Inputs at the extremes (+/-1e4 and the float32 exp limits), plus a few ordinary ones. */
const extremeInputs = [-1e4, -1e3, -88, -50, -1, 0, 1, 50, 88, 1e3, 1e4];

type Elementwise = (x: tf.Tensor) => tf.Tensor;

/** Each analytic derivative beside its activation, and the PyTorch case that holds both. */
const pairs: { name: string; fixture?: string; f: Elementwise; df: Elementwise }[] = [
  { name: 'sigmoid', fixture: 'sigmoid', f: sigmoid, df: (x) => derivatives.sigmoid(x) },
  { name: 'tanh', fixture: 'tanh', f: tanh, df: (x) => derivatives.tanh(x) },
  { name: 'relu', fixture: 'relu', f: relu, df: (x) => derivatives.relu(x) },
  { name: 'leakyRelu', fixture: 'leakyRelu_alpha0.01', f: (x) => leakyRelu(x), df: (x) => derivatives.leakyRelu(x) },
  {
    name: 'leakyRelu alpha 0.2',
    f: (x) => leakyRelu(x, { alpha: 0.2 }),
    df: (x) => derivatives.leakyRelu(x, { alpha: 0.2 }),
  },
  { name: 'elu', fixture: 'elu_alpha1', f: (x) => elu(x), df: (x) => derivatives.elu(x) },
  {
    name: 'elu alpha 0.5',
    fixture: 'elu_alpha0.5',
    f: (x) => elu(x, { alpha: 0.5 }),
    df: (x) => derivatives.elu(x, { alpha: 0.5 }),
  },
  { name: 'linear', f: linear, df: (x) => derivatives.linear(x) },
];

describeEachBackend('derivatives (elementwise)', () => {
  for (const { name, fixture, f, df } of pairs) {
    test(`${name}: equals autograd at the fixture's inputs, the kink and +/-1e4`, async () => {
      const values = [...loadTorchFixture('activations.cases', 'sigmoid').spec('x').data, ...extremeInputs];
      const x = tf.tensor(values);
      const analytic = df(x);
      const autograd = tf.grad((t: tf.Tensor) => tf.sum(f(t)))(x);
      await expectTensorsClose(analytic, autograd, { atol: 1e-6, rtol: 1e-5 });
      tf.dispose([x, analytic, autograd]);
    });

    if (fixture) {
      test(`${name}: f'(x) * dy equals PyTorch's dx`, async () => {
        const c = loadTorchFixture('activations.cases', fixture);
        const x = c.tensor('x');
        const dy = c.tensor('dy');
        const dx = tf.tidy(() => tf.mul(df(x), dy));
        await expectTensorsClose(dx, c.spec('dx'));
        tf.dispose([x, dy, dx]);
      });
    }
  }

  test("the seed's identities: sigmoid' = s(1-s) <= 0.25, elu' = elu + alpha for x <= 0", async () => {
    const x = tf.tensor([-3, -1, -0.25, 0]);
    const eluPlusAlpha = tf.tidy(() => tf.add(elu(x, { alpha: 2 }), 2));
    const eluDerivative = derivatives.elu(x, { alpha: 2 });
    const sigmoidDerivative = derivatives.sigmoid(x);
    await expectTensorsClose(eluDerivative, eluPlusAlpha, { atol: 1e-6, rtol: 1e-6 });
    await expectTensorsClose(sigmoidDerivative, [0.045176659730912, 0.196611933241482, 0.246134638, 0.25]);
    tf.dispose([x, eluPlusAlpha, eluDerivative, sigmoidDerivative]);
  });

  test('bad input: non-tensor, negative alpha, an unknown option key', () => {
    const x = tf.tensor([1]);
    expect(() => derivatives.tanh([1] as unknown as tf.Tensor)).toThrow(
      /^derivatives\.tanh: expected x to be a tf\.Tensor, got an array$/,
    );
    expect(() => derivatives.leakyRelu(x, { alpha: -1 })).toThrow(
      /^derivatives\.leakyRelu: expected alpha >= 0, got -1$/,
    );
    expect(() => derivatives.elu(x, { alpha: Number.NaN })).toThrow(
      /^derivatives\.elu: expected alpha to be a finite number, got NaN$/,
    );
    expect(() => derivatives.leakyRelu(x, { slope: 0.1 } as never)).toThrow(
      /^derivatives\.leakyRelu: unknown key 'slope' in options \(known: alpha\)$/,
    );
    x.dispose();
  });

  test.each(['sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'linear'] as const)(
    'derivatives.%s names itself when given a non-tensor',
    (name) => {
      const call = derivatives[name] as (x: tf.Tensor) => tf.Tensor;
      expect(() => call('x' as unknown as tf.Tensor)).toThrow(new RegExp(`^derivatives\\.${name}: expected x`));
    },
  );

  test('leave no tensors behind', async () => {
    const x = tf.tensor([-1, 0, 2]);
    await expectNoLeakedTensors(() => pairs.map(({ df }) => df(x)));
    x.dispose();
  });
});
