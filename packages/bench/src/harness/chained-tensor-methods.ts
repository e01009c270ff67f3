import * as tf from '@tensorflow/tfjs-core';

/** Ops whose chained form is `x.op(...args)` = `tf.op(x, ...args)` in tfjs-core's chained_ops. */
const plainChainedOps = [
  'abs',
  'acos',
  'acosh',
  'add',
  'all',
  'any',
  'argMax',
  'argMin',
  'asin',
  'asinh',
  'atan',
  'atan2',
  'atanh',
  'avgPool',
  'batchNorm',
  'batchToSpaceND',
  'broadcastTo',
  'cast',
  'ceil',
  'clipByValue',
  'conv1d',
  'conv2d',
  'conv2dTranspose',
  'cos',
  'cosh',
  'cumprod',
  'cumsum',
  'depthToSpace',
  'depthwiseConv2d',
  'dilation2d',
  'div',
  'divNoNan',
  'dot',
  'elu',
  'equal',
  'erf',
  'euclideanNorm',
  'exp',
  'expandDims',
  'expm1',
  'floor',
  'floorDiv',
  'gather',
  'greater',
  'greaterEqual',
  'isFinite',
  'isInf',
  'isNaN',
  'leakyRelu',
  'less',
  'lessEqual',
  'localResponseNormalization',
  'log',
  'log1p',
  'logSigmoid',
  'logSoftmax',
  'logSumExp',
  'logicalAnd',
  'logicalNot',
  'logicalOr',
  'logicalXor',
  'matMul',
  'max',
  'maxPool',
  'maximum',
  'mean',
  'min',
  'minimum',
  'mirrorPad',
  'mod',
  'mul',
  'neg',
  'norm',
  'notEqual',
  'oneHot',
  'onesLike',
  'pad',
  'pool',
  'pow',
  'prelu',
  'prod',
  'reciprocal',
  'relu',
  'relu6',
  'reshape',
  'resizeBilinear',
  'resizeNearestNeighbor',
  'reverse',
  'round',
  'rsqrt',
  'selu',
  'separableConv2d',
  'sigmoid',
  'sign',
  'sin',
  'sinh',
  'slice',
  'softmax',
  'softplus',
  'spaceToBatchND',
  'split',
  'sqrt',
  'square',
  'squaredDifference',
  'squeeze',
  'step',
  'stridedSlice',
  'sub',
  'sum',
  'tan',
  'tanh',
  'tile',
  'topk',
  'transpose',
  'unique',
  'unsortedSegmentSum',
  'unstack',
  'zerosLike',
] as const;

type Method = (this: tf.Tensor, ...args: unknown[]) => unknown;

/**
 * Installs tfjs-core's chained tensor methods (`x.flatten()`, `x.add(y)`, ...) on `tf.Tensor`, each
 * only where missing. tfjs-core's Node bundle leaves them out, and stock tfjs-layers calls them
 * (its Orthogonal initialiser calls `flatten`), so the stock baselines need them. Our own code never
 * uses them. Returns how many methods were added.
 *
 * @example
 * installChainedTensorMethods();
 * const model = tfl.sequential({ layers: [tfl.layers.lstm({ units: 8, inputShape: [5, 3] })] });
 *
 * In plain words: lend stock tfjs-layers the `x.op()` shorthand it expects.
 */
export function installChainedTensorMethods(): number {
  const prototype = tf.Tensor.prototype as unknown as Record<string, Method | undefined>;
  const ops = tf as unknown as Record<string, (...args: unknown[]) => unknown>;
  const methods: Record<string, Method> = {
    flatten() {
      return tf.reshape(this, [this.size]);
    },
    asScalar() {
      return tf.reshape(this, []);
    },
    as1D() {
      return tf.reshape(this, [this.size]);
    },
    as2D(...shape) {
      return tf.reshape(this, shape as number[]);
    },
    as3D(...shape) {
      return tf.reshape(this, shape as number[]);
    },
    as4D(...shape) {
      return tf.reshape(this, shape as number[]);
    },
    as5D(...shape) {
      return tf.reshape(this, shape as number[]);
    },
    asType(dtype) {
      return tf.cast(this, dtype as tf.DataType);
    },
    toBool() {
      return tf.cast(this, 'bool');
    },
    toFloat() {
      return tf.cast(this, 'float32');
    },
    toInt() {
      return tf.cast(this, 'int32');
    },
    reshapeAs(other) {
      return tf.reshape(this, (other as tf.Tensor).shape);
    },
    concat(other, axis) {
      return tf.concat([this, ...(Array.isArray(other) ? other : [other])] as tf.Tensor[], axis as number);
    },
    stack(other, axis) {
      return tf.stack([this, ...(Array.isArray(other) ? other : [other])] as tf.Tensor[], axis as number);
    },
    where(condition, other) {
      return tf.where(condition as tf.Tensor, this, other as tf.Tensor);
    },
  };
  for (const name of plainChainedOps) {
    const op = ops[name];
    if (typeof op === 'function')
      methods[name] = function (this: tf.Tensor, ...args: unknown[]) {
        return op(this, ...args);
      };
  }
  let added = 0;
  for (const [name, method] of Object.entries(methods)) {
    if (typeof prototype[name] === 'function') continue;
    Object.defineProperty(prototype, name, { value: method, configurable: true, writable: true });
    added += 1;
  }
  return added;
}
