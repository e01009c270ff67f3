import { type Composite, loadWeightsByName, type ReadTfjsShard, readTfjsWeights } from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';
import { createFaceRecognitionNet, faceRecognitionWeightMapping } from './face-recognition-net.js';

/**
 * Builds {@link createFaceRecognitionNet} and loads face-api's pretrained weights into it: the
 * manifest `face_recognition_model-weights_manifest.json` and its shard(s), read by `readShard`
 * (paths relative to the manifest), through core's `readTfjsWeights` (uint8 dequantisation) and
 * `loadWeightsByName` ({@link faceRecognitionWeightMapping}). All or nothing: on any error the net
 * is disposed, the read tensors too, and the error (naming readTfjsWeights or loadWeightsByName)
 * is rethrown. The caller disposes the returned net.
 *
 * @example
 * const dir = 'node_modules/@vladmandic/face-api/model';
 * const manifest = JSON.parse(readFileSync(`${dir}/face_recognition_model-weights_manifest.json`, 'utf8'));
 * const net = await loadFaceRecognitionNet(manifest, (path) => readFileSync(`${dir}/${path}`));
 *
 * In plain words: face-api's trained face reader, in our own layers.
 */
export async function loadFaceRecognitionNet(manifest: unknown, readShard: ReadTfjsShard): Promise<Composite> {
  const named = await readTfjsWeights(manifest, readShard);
  let net: Composite | undefined;
  try {
    net = createFaceRecognitionNet();
    loadWeightsByName(net, named, faceRecognitionWeightMapping(net));
    return net;
  } catch (error) {
    net?.dispose();
    throw error;
  } finally {
    tf.dispose(Object.values(named));
  }
}
