import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import type { Composite, Layer } from '@baihua/core';
import { faceMeanRgb, loadFaceRecognitionNet } from '@baihua/apps/face';
import type { FeatureExtractor } from '@baihua/apps/style';

/** The maps {@link faceNetExtractor} gives: after the stem and after each stage of residual blocks. */
export const faceNetLayers = ['stem', 'block32', 'block64', 'block128'] as const;

const stages: [string, string[]][] = [
  ['block32', ['conv32_1', 'conv32_2', 'conv32_3']],
  ['block64', ['conv64_down', 'conv64_1', 'conv64_2', 'conv64_3']],
  ['block128', ['conv128_down', 'conv128_1', 'conv128_2']],
];

/**
 * A pretrained extractor for comparison: the first stages of face-api's face-recognition net (its
 * weights from the `@vladmandic/face-api` npm package, loaded by `@baihua/apps/face`), run on any
 * image size: images [B, H, W, 3] in [0, 1] -> { stem, block32, block64, block128 } (ReLU outputs of
 * the 7x7/2 stem and of the 32-, 64- and 128-channel residual stages). The residual arithmetic repeats
 * face-api's (a downsampling block's shortcut: 2x2 average pool, zero-padded). Dispose `net` when done.
 *
 * @example
 * const { extractor, net } = await faceNetExtractor();
 *
 * In plain words: the early eyes of a network trained on faces, used to measure textures.
 */
export async function faceNetExtractor(): Promise<{ extractor: FeatureExtractor; net: Composite }> {
  const models = join(dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'model');
  const manifest = JSON.parse(readFileSync(join(models, 'face_recognition_model-weights_manifest.json'), 'utf8'));
  const net = await loadFaceRecognitionNet(manifest, (path) => readFileSync(join(models, path)));
  const variable = (key: string, name: string) => (net.layers[key.replaceAll('/', '_')] as Layer).weight(name).variable;
  // conv (+ bias) -> per-channel scale (+ offset) -> optional ReLU, from the loaded weights: the layers
  // themselves are built for 150x150 crops, the weights fit any size.
  const unit = (prefix: string, x: tf.Tensor4D, relu: boolean, stride = 1, padding: 'same' | 'valid' = 'same') => {
    const conv = tf.add(
      tf.conv2d(x, variable(`${prefix}_conv`, 'kernel') as tf.Tensor4D, stride, padding),
      variable(`${prefix}_conv`, 'bias'),
    );
    const y = tf.add(tf.mul(conv, variable(`${prefix}_scale`, 'weights')), variable(`${prefix}_scale`, 'biases'));
    return (relu ? tf.relu(y) : y) as tf.Tensor4D;
  };
  const residual = (prefix: string, x: tf.Tensor4D): tf.Tensor4D => {
    const down = prefix.endsWith('_down');
    const first = down ? unit(`${prefix}/conv1`, x, true, 2, 'valid') : unit(`${prefix}/conv1`, x, true);
    let y = unit(`${prefix}/conv2`, first, false);
    let shortcut = x;
    if (down) {
      shortcut = tf.avgPool(x, 2, 2, 'valid');
      const [hs, ws, cs] = shortcut.shape.slice(1) as [number, number, number];
      y = tf.pad(y, [
        [0, 0],
        [0, hs - (y.shape[1] as number)],
        [0, ws - (y.shape[2] as number)],
        [0, 0],
      ]);
      shortcut = tf.pad(shortcut, [
        [0, 0],
        [0, 0],
        [0, 0],
        [0, (y.shape[3] as number) - cs],
      ]);
    }
    return tf.relu(tf.add(y, shortcut)) as tf.Tensor4D;
  };
  const extractor: FeatureExtractor = (images) =>
    tf.tidy(() => {
      const normalised = tf.div(tf.sub(tf.mul(images, 255), tf.tensor1d([...faceMeanRgb])), 255) as tf.Tensor4D;
      const features: Record<string, tf.Tensor4D> = { stem: unit('conv32_down', normalised, true, 2, 'valid') };
      let out = tf.maxPool(features.stem as tf.Tensor4D, 3, 2, 'valid');
      for (const [name, blocks] of stages) {
        for (const prefix of blocks) out = residual(prefix, out);
        features[name] = out;
      }
      return features;
    });
  return { extractor, net };
}
