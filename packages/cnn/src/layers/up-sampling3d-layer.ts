import * as tf from '@tensorflow/tfjs-core';
import { Layer, registerLayerType, type CallContext, type LayerConfig, type LayerOptions } from '@baihua/core';
import { normalizeTriple, type SizeTriple } from '../ops/volume-options.js';
import { checkVolumeInputShape } from './volume-input-shape.js';

/** Options of {@link UpSampling3D}. */
export interface UpSampling3DOptions extends LayerOptions {
  /** Repeats per axis, one number or [depth, height, width]. Default 2. */
  size?: SizeTriple;
}

/**
 * Repeats every element `times` times along one axis of a contiguous tensor seen as
 * [outer, axis, inner]: [outer * axis, 1, inner] broadcast to [outer * axis, times, inner]. Only
 * rank-3 ops, since rank-5 broadcasting and padding are silently wrong on tfjs's webgpu backend.
 */
function repeatAxis(x: tf.Tensor, shape: number[], axis: number, times: number): tf.Tensor {
  if (times === 1) return x;
  const rows = shape.slice(0, axis + 1).reduce((n, s) => n * s, 1);
  const inner = shape.slice(axis + 1).reduce((n, s) => n * s, 1);
  const repeated = tf.broadcastTo(tf.reshape(x, [rows, 1, inner]), [rows, times, inner]);
  shape[axis] = (shape[axis] as number) * times;
  return tf.reshape(repeated, shape);
}

/**
 * Nearest-neighbour upsampling of volumes: y[b, d, h, w, c] = x[b, floor(d / sd), floor(h / sh),
 * floor(w / sw), c]. x: [batch, D, H, W, C] -> [batch, D sd, H sh, W sw, C]; no weights. The
 * gradient sums dy over each block of sd x sh x sw copies. What a 3-D U-Net decoder uses to grow a
 * volume back before a Conv3D (a cheaper, checkerboard-free alternative to {@link Conv3DTranspose}).
 *
 * @example
 * new UpSampling3D().apply(tf.zeros([1, 4, 4, 4, 8])).shape;                  // [1, 8, 8, 8, 8]
 * new UpSampling3D({ size: [1, 2, 3] }).apply(tf.zeros([1, 4, 4, 4, 8])).shape; // [1, 4, 8, 12, 8]
 *
 * In plain words: every voxel becomes a small block of copies of itself.
 */
export class UpSampling3D extends Layer {
  readonly size: [number, number, number];

  constructor(options: UpSampling3DOptions = {}) {
    super(options, 'UpSampling3D', ['size']);
    this.size = normalizeTriple('UpSampling3D', 'size', options.size ?? 2);
  }

  protected override build(inputShape: number[]): void {
    checkVolumeInputShape('UpSampling3D', inputShape);
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    const shape = [...x.shape];
    // Width first, then height, then depth: each step keeps the row-major order of the next.
    let y = repeatAxis(x, shape, 3, this.size[2]);
    y = repeatAxis(y, shape, 2, this.size[1]);
    return repeatAxis(y, shape, 1, this.size[0]);
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), size: this.size };
  }
}

registerLayerType('UpSampling3D', (config) => new UpSampling3D(config as UpSampling3DOptions));
