import * as tf from '@tensorflow/tfjs-core';
import type { BenchCase, BenchMode } from '../../harness/bench-case.js';
import { seededNormal, seededWeight } from '../../harness/seeded-tensors.js';

interface ConvShape {
  batch: number;
  size: number;
  inChannels: number;
  outChannels: number;
  kernel: number;
}

const quickShape: ConvShape = { batch: 4, size: 16, inChannels: 8, outChannels: 16, kernel: 3 };
const fullShape: ConvShape = { batch: 16, size: 28, inChannels: 16, outChannels: 32, kernel: 3 };

/**
 * Stock tf.conv2d ('valid', stride 1) forward, and forward+backward (gradients for input and
 * filter through tf.grads). Backward flops are counted as twice the forward.
 */
export function conv2dCases(mode: BenchMode): BenchCase[] {
  const shape = mode === 'quick' ? quickShape : fullShape;
  const { batch, size, inChannels, outChannels, kernel } = shape;
  const out = size - kernel + 1;
  const forwardFlops = 2 * batch * out * out * outChannels * kernel * kernel * inChannels;
  const label = `${batch}x${size}x${size}x${inChannels} * ${kernel}x${kernel}x${outChannels}`;
  const params = { batch, size, inChannels, outChannels, kernel, padding: 'valid' };
  const makeInputs = () => ({
    x: seededNormal([batch, size, size, inChannels], 11),
    w: seededWeight([kernel, kernel, inChannels, outChannels], 12),
  });
  return [
    {
      id: `ops/conv2d-forward/${label}/stock`,
      suite: 'ops',
      title: `conv2d fwd ${label}`,
      implementation: 'stock',
      compareKey: `conv2d-forward/${label}`,
      flops: forwardFlops,
      params,
      setup() {
        const { x, w } = makeInputs();
        return {
          run: () => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'valid'),
          dispose: () => tf.dispose([x, w]),
        };
      },
    },
    {
      id: `ops/conv2d-backward/${label}/stock`,
      suite: 'ops',
      title: `conv2d fwd+bwd ${label}`,
      implementation: 'stock',
      compareKey: `conv2d-backward/${label}`,
      flops: 3 * forwardFlops,
      params,
      setup() {
        const { x, w } = makeInputs();
        const gradients = tf.grads((input: tf.Tensor, filter: tf.Tensor) =>
          tf.sum(tf.conv2d(input as tf.Tensor4D, filter as tf.Tensor4D, 1, 'valid')),
        );
        return { run: () => gradients([x, w]), dispose: () => tf.dispose([x, w]) };
      },
    },
  ];
}
