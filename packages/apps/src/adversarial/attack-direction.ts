import * as tf from '@tensorflow/tfjs-core';

/**
 * The sign of the input gradient that an L-infinity attack steps along, for a batch x [N, ...]:
 *   untargeted: +sign(dL(f(x), y)/dx)   (raise the loss of the true class y)
 *   targeted:   -sign(dL(f(x), t)/dx)   (lower the loss of the target class t)
 * with L the softmax cross-entropy summed over the batch, so each row's gradient is its own.
 * `classes` [N, K] one-hot float32. Returns a new tensor of x's shape with values in {-1, 0, 1}.
 */
export function attackDirection(
  f: (images: tf.Tensor) => tf.Tensor,
  x: tf.Tensor,
  classes: tf.Tensor2D,
  targeted: boolean,
): tf.Tensor {
  return tf.tidy(() => {
    const loss = (input: tf.Tensor) =>
      tf.neg(tf.sum(tf.mul(classes, tf.logSoftmax(f(input) as tf.Tensor2D)))) as tf.Scalar;
    const gradient = tf.grad(loss)(x);
    const direction = tf.sign(gradient);
    return targeted ? tf.neg(direction) : direction;
  });
}

/** One-hot float32 [N, K] of class indices (made as int32 and cast: wasm's OneHot ignores float32). */
export function oneHotClasses(indices: number[], numClasses: number): tf.Tensor2D {
  return tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(indices, 'int32'), numClasses), 'float32') as tf.Tensor2D);
}
