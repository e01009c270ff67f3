import * as tf from '@tensorflow/tfjs-core';
import { assertActivationInput, readActivationAlpha, type EluOptions, type LeakyReluOptions } from '@baihua/core';
import { logSoftmaxJacobian, softmaxJacobian } from './softmax-jacobian.js';

/**
 * The seed's analytic derivatives, each taking the input x (not the output) and returning
 * f'(x) elementwise, the same shape as x; softmax and log-softmax return their Jacobians
 * [..., K, K]. These are values, computed directly from the formulas, independent of autograd,
 * so the tests can hold tfjs's gradients against them. At the kinks (x = 0) they follow PyTorch:
 * relu'(0) = 0, leakyRelu'(0) = alpha, elu'(0) = alpha.
 *
 * | function | f'(x) |
 * |---|---|
 * | sigmoid | sigma(x) (1 - sigma(x)) |
 * | tanh | 1 - tanh(x)^2 |
 * | relu | 1 for x > 0, else 0 |
 * | leakyRelu | 1 for x > 0, else alpha (default 0.01) |
 * | elu | 1 for x > 0, else alpha e^x = elu(x) + alpha (default alpha 1) |
 * | linear | 1 |
 * | softmaxJacobian | diag(s) - s s^T |
 * | logSoftmaxJacobian | I - 1 s^T |
 *
 * @example
 * derivatives.sigmoid(tf.tensor([0]));             // [0.25]
 * derivatives.elu(tf.tensor([-1]), { alpha: 2 });  // [0.7358]
 * derivatives.softmaxJacobian(tf.zeros([4, 3]));   // shape [4, 3, 3]
 *
 * In plain words: how much each activation lets a small change through; a value below 1 at
 * every layer is how a gradient fades on its way back.
 */
export const derivatives = {
  sigmoid(x: tf.Tensor): tf.Tensor {
    assertActivationInput('derivatives.sigmoid', x);
    return tf.tidy(() => {
      const s = tf.sigmoid(x);
      return tf.mul(s, tf.sub(tf.scalar(1), s));
    });
  },
  tanh(x: tf.Tensor): tf.Tensor {
    assertActivationInput('derivatives.tanh', x);
    return tf.tidy(() => tf.sub(tf.scalar(1), tf.square(tf.tanh(x))));
  },
  relu(x: tf.Tensor): tf.Tensor {
    assertActivationInput('derivatives.relu', x);
    return tf.step(x, 0);
  },
  leakyRelu(x: tf.Tensor, options?: LeakyReluOptions): tf.Tensor {
    assertActivationInput('derivatives.leakyRelu', x);
    const alpha = readActivationAlpha('derivatives.leakyRelu', options, 0.01);
    return tf.step(x, alpha);
  },
  elu(x: tf.Tensor, options?: EluOptions): tf.Tensor {
    assertActivationInput('derivatives.elu', x);
    const alpha = readActivationAlpha('derivatives.elu', options, 1);
    return tf.tidy(() =>
      tf.where(tf.greater(x, 0), tf.onesLike(x), tf.mul(tf.scalar(alpha), tf.exp(tf.minimum(x, 0)))),
    );
  },
  linear(x: tf.Tensor): tf.Tensor {
    assertActivationInput('derivatives.linear', x);
    return tf.onesLike(x);
  },
  softmaxJacobian,
  logSoftmaxJacobian,
};
