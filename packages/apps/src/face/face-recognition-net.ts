import { avgPool2d, Conv2D, maxPool2d } from '@baihua/cnn';
import { type CallContext, Composite, Dense, type Layer } from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';
import { ChannelScale } from './channel-scale.js';

/** Side of the square face crop the net reads (face-api's `FaceRecognitionNet` input size). */
export const faceCropSize = 150;
/** Length of a face descriptor. */
export const faceDescriptorSize = 128;
/** Per-channel RGB mean face-api subtracts before dividing by 255. */
export const faceMeanRgb: readonly [number, number, number] = [122.782, 117.001, 104.298];

// face-api's residual blocks in order: [weight prefix, downsampling]. A downsampling block halves
// the grid (3x3 stride-2 'valid' conv) and its shortcut is a 2x2 average pool, zero-padded to the
// block's channels and grid.
const blocks: readonly [string, boolean][] = [
  ['conv32_1', false],
  ['conv32_2', false],
  ['conv32_3', false],
  ['conv64_down', true],
  ['conv64_1', false],
  ['conv64_2', false],
  ['conv64_3', false],
  ['conv128_down', true],
  ['conv128_1', false],
  ['conv128_2', false],
  ['conv256_down', true],
  ['conv256_1', false],
  ['conv256_2', false],
  ['conv256_down_out', true],
];

const keyOf = (prefix: string) => prefix.replaceAll('/', '_');
const filtersOf = (prefix: string) => Number(/^conv(\d+)/.exec(prefix)?.[1]);

/** face-api's conv units [weight prefix, kernel size, stride, padding], stem first. */
function convUnits(): [string, number, number, 'same' | 'valid'][] {
  const units: [string, number, number, 'same' | 'valid'][] = [['conv32_down', 7, 2, 'valid']];
  for (const [prefix, down] of blocks)
    units.push([`${prefix}/conv1`, 3, down ? 2 : 1, down ? 'valid' : 'same'], [`${prefix}/conv2`, 3, 1, 'same']);
  return units;
}

/** conv (with bias) -> per-channel scale -> optional ReLU: face-api's `convLayer`. */
function convUnit(layers: Record<string, Layer>, prefix: string, x: tf.Tensor, relu: boolean, context: CallContext) {
  const key = keyOf(prefix);
  const y = (layers[`${key}_scale`] as Layer).apply((layers[`${key}_conv`] as Layer).apply(x, context), context);
  return relu ? tf.relu(y) : y;
}

/** One residual block; a downsampling one pools and zero-pads its shortcut to match. */
function residual(layers: Record<string, Layer>, prefix: string, down: boolean, x: tf.Tensor4D, context: CallContext) {
  let y = convUnit(layers, `${prefix}/conv2`, convUnit(layers, `${prefix}/conv1`, x, true, context), false, context);
  let shortcut: tf.Tensor4D = x;
  if (down) {
    shortcut = avgPool2d(x, { poolSize: 2, strides: 2, padding: 'valid' });
    const [, h, w, c] = y.shape as number[];
    const [, hs, ws, cs] = shortcut.shape;
    y = tf.pad(y, [
      [0, 0],
      [0, hs - (h as number)],
      [0, ws - (w as number)],
      [0, 0],
    ]);
    shortcut = tf.pad(shortcut, [
      [0, 0],
      [0, 0],
      [0, 0],
      [0, (c as number) - cs],
    ]);
  }
  return tf.relu(tf.add(y, shortcut)) as tf.Tensor4D;
}

/**
 * face-api's face-recognition net (dlib's ResNet-34-like `dlib_face_recognition_resnet_model_v1`)
 * rebuilt from @baihua layers: RGB pixels [B, 150, 150, 3] in 0..255 -> descriptors [B, 128].
 * `x' = (x - meanRgb) / 255`; stem 7x7/2 conv + scale + ReLU, 3x3/2 max pool; 13 residual blocks
 * (32, 64, 128, 256 channels; each conv has a bias and a per-channel scale, {@link ChannelScale});
 * global average pool; a 256 -> 128 linear map (no bias). Built for [1, 150, 150, 3], with
 * freshly initialised weights: load face-api's with {@link loadFaceRecognitionNet}. Weight paths
 * `face_recognition_net/<prefix>_conv/kernel` etc.: see {@link faceRecognitionWeightMapping}.
 *
 * @example
 * const net = createFaceRecognitionNet();
 * net.apply(tf.zeros([2, 150, 150, 3])).shape; // [2, 128]
 *
 * In plain words: the same boxes in the same order as face-api's network, ready for its numbers.
 */
export function createFaceRecognitionNet(): Composite {
  const layers: Record<string, Layer> = {};
  for (const [prefix, kernelSize, strides, padding] of convUnits()) {
    const filters = filtersOf(prefix);
    layers[`${keyOf(prefix)}_conv`] = new Conv2D({
      filters,
      kernelSize,
      strides,
      padding,
      kernelInitializer: 'heNormal',
    });
    layers[`${keyOf(prefix)}_scale`] = new ChannelScale();
  }
  layers.fc = new Dense({ units: faceDescriptorSize, useBias: false });
  const net = new Composite({
    name: 'face_recognition_net',
    layers,
    forward: (l, x, context) => {
      const normalised = tf.div(tf.sub(tf.cast(x, 'float32'), tf.tensor1d([...faceMeanRgb])), 255);
      let out = convUnit(l, 'conv32_down', normalised, true, context) as tf.Tensor4D;
      out = maxPool2d(out, { poolSize: 3, strides: 2, padding: 'valid' });
      for (const [prefix, down] of blocks) out = residual(l, prefix, down, out, context);
      return (l.fc as Layer).apply(tf.mean(out, [1, 2]), context);
    },
  });
  net.ensureBuilt([1, faceCropSize, faceCropSize, 3]);
  return net;
}

/**
 * The `{ weightPath: face-api weight name }` mapping for {@link loadWeightsByName}: every weight of
 * a {@link createFaceRecognitionNet} net against the names in face-api's
 * `face_recognition_model-weights_manifest.json` (`conv32_1/conv1/conv/filters`, ..., `fc`).
 *
 * @example
 * faceRecognitionWeightMapping(net)['face_recognition_net/fc/kernel']; // 'fc'
 *
 * In plain words: which of face-api's stored numbers goes into which of our knobs.
 */
export function faceRecognitionWeightMapping(net: Layer): Record<string, string> {
  const mapping: Record<string, string> = { [`${net.name}/fc/kernel`]: 'fc' };
  for (const [prefix] of convUnits()) {
    const key = `${net.name}/${keyOf(prefix)}`;
    mapping[`${key}_conv/kernel`] = `${prefix}/conv/filters`;
    mapping[`${key}_conv/bias`] = `${prefix}/conv/bias`;
    mapping[`${key}_scale/weights`] = `${prefix}/scale/weights`;
    mapping[`${key}_scale/biases`] = `${prefix}/scale/biases`;
  }
  return mapping;
}
