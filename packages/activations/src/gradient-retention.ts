import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  assertKnownOptions,
  assertOneOf,
  assertPositiveInteger,
  createRandom,
  elu,
  getActivation,
  leakyRelu,
  registeredActivationNames,
  relu,
  type Activation,
} from '@baihua/core';

/** Options for {@link gradientRetention}. */
export interface GradientRetentionOptions {
  /** Number of dense layers. Default 10 (the seed's table). */
  depth?: number;
  /** Units per layer (every layer is width x width). Default 64. */
  width?: number;
  /** Rows in the batch the norms are taken over. Default 256. */
  samples?: number;
  /** Seed of the inputs, weights and output gradient (createRandom). Default 0. */
  seed?: number;
  /**
   * Weight initialisation, W ~ N(0, gain / width): 'xavier' gain 1 (Glorot, for square layers),
   * 'he' gain 2 (for the ReLU family). 'auto' (default) picks 'he' for relu, leakyRelu and elu
   * (by name or by function), 'xavier' otherwise.
   */
  init?: 'auto' | 'xavier' | 'he';
}

/** What {@link gradientRetention} measured at one layer l (1 = first, depth = last). */
export interface LayerRetention {
  layer: number;
  /** ||dL/dh_l||: the gradient norm arriving at this layer's output. */
  outputGradientNorm: number;
  /** ||dL/du_l||: after passing back through the activation's derivative. */
  preActivationGradientNorm: number;
  /** ||dL/du_l|| / ||dL/dh_l||: what the activation's derivative alone keeps. */
  activationRatio: number;
  /** ||dL/dh_(l-1)|| / ||dL/dh_l||: what the whole layer (activation and weights) keeps. */
  layerRatio: number;
}

/** The result of {@link gradientRetention}. */
export interface GradientRetentionResult {
  /** The registered name, else the function's own name, else 'custom'. */
  activation: string;
  init: 'xavier' | 'he';
  depth: number;
  width: number;
  samples: number;
  seed: number;
  layers: LayerRetention[];
  /** Product of the activation ratios: the seed's prod_l |f'(u_l)|, measured as norms. */
  activationProduct: number;
  /** ||dL/dx|| / ||dL/dh_depth||: the share of the output gradient's norm that reaches the input. */
  retention: number;
}

const heFamilyNames = new Set(['relu', 'leakyRelu', 'elu']);
const heFamilyFunctions = new Set<unknown>([relu, leakyRelu, elu]);

/**
 * Measures how much gradient survives back through `depth` dense layers, the seed's
 * "10层后梯度保留率" (gradient retention after 10 layers), by running autograd on a real network:
 *
 *   h_0 = x ~ N(0, 1) [samples, width];  u_l = h_(l-1) W_l;  h_l = f(u_l)  (l = 1..depth, no bias)
 *   L = sum(h_depth * G),  G ~ N(0, 1),  so dL/dh_depth = G.
 *
 * Gradients at every u_l and h_l come from one tf.grads call (zero-valued probes are added to
 * each, and the gradient with respect to a probe is the gradient there), so the activation's own
 * tfjs gradient is what is measured. Norms are Frobenius norms over the whole batch.
 * `activationProduct` is the part the seed's formula describes (prod |f'|); `retention` also counts
 * the weights, whose init (Xavier or He) is chosen to keep the signal's scale.
 *
 * Shapes: nothing in but options; numbers out. Cost: 3 x depth matmuls of [samples, width] x
 * [width, width]. Same seed, same backend: the same numbers.
 *
 * @example
 * const r = await gradientRetention('sigmoid', { depth: 10, seed: 1 });
 * r.retention; // about 5e-7: sigmoid loses almost everything in 10 layers
 *
 * In plain words: a game of telephone through ten people; count how much of the message is left.
 */
export async function gradientRetention(
  activation: Activation | string,
  options: GradientRetentionOptions = {},
): Promise<GradientRetentionResult> {
  assertKnownOptions('gradientRetention', 'options', options, ['depth', 'width', 'samples', 'seed', 'init']);
  const { depth = 10, width = 64, samples = 256, seed = 0, init = 'auto' } = options;
  const fn = getActivation(activation, 'gradientRetention');
  assertPositiveInteger('gradientRetention', 'depth', depth);
  assertPositiveInteger('gradientRetention', 'width', width);
  assertPositiveInteger('gradientRetention', 'samples', samples);
  if (typeof seed !== 'number' || !Number.isInteger(seed)) {
    throw new ArgumentError('gradientRetention', `expected seed to be an integer, got ${String(seed)}`);
  }
  assertOneOf('gradientRetention', 'init', init, ['auto', 'xavier', 'he'] as const);
  const registeredName = registeredActivationNames().find((candidate) => getActivation(candidate) === fn);
  const name = typeof activation === 'string' ? activation : (registeredName ?? (fn.name || 'custom'));
  const chosen = init !== 'auto' ? init : heFamilyNames.has(name) || heFamilyFunctions.has(fn) ? 'he' : 'xavier';

  const rng = createRandom(seed);
  const normals = (count: number, scale: number) => Float32Array.from({ length: count }, () => rng.normal() * scale);
  const weightScale = Math.sqrt((chosen === 'he' ? 2 : 1) / width);

  const norms = tf.tidy(() => {
    const x = tf.tensor2d(normals(samples * width, 1), [samples, width]);
    const weights = Array.from({ length: depth }, () =>
      tf.tensor2d(normals(width * width, weightScale), [width, width]),
    );
    const upstream = tf.tensor2d(normals(samples * width, 1), [samples, width]);
    // probes[0] = h_0; probes[2l-1] = u_l; probes[2l] = h_l.
    const probes = Array.from({ length: 2 * depth + 1 }, () => tf.zeros([samples, width]));
    const loss = (...p: tf.Tensor[]): tf.Scalar => {
      let h = tf.add(x, p[0] as tf.Tensor);
      weights.forEach((w, i) => {
        const u = tf.add(tf.matMul(h, w), p[2 * i + 1] as tf.Tensor);
        h = tf.add(fn(u), p[2 * i + 2] as tf.Tensor);
      });
      return tf.sum(tf.mul(h, upstream));
    };
    const gradients = tf.grads(loss)(probes);
    return tf.sqrt(tf.sum(tf.square(tf.stack(gradients)), [1, 2]));
  });
  const values = Array.from(await norms.data());
  norms.dispose();

  const at = (i: number) => values[i] as number;
  const layers: LayerRetention[] = Array.from({ length: depth }, (_, i) => ({
    layer: i + 1,
    outputGradientNorm: at(2 * i + 2),
    preActivationGradientNorm: at(2 * i + 1),
    activationRatio: at(2 * i + 1) / at(2 * i + 2),
    layerRatio: at(2 * i) / at(2 * i + 2),
  }));
  const activationProduct = layers.reduce((product, layer) => product * layer.activationRatio, 1);
  return {
    activation: name,
    init: chosen,
    depth,
    width,
    samples,
    seed,
    layers,
    activationProduct,
    retention: at(0) / at(2 * depth),
  };
}
