// The recogniser's per-step class probabilities for one utterance, as rows [steps][classes] (for pictures).
import { type DecodedAudio, type SpeechRecognizer, recognizerFeatures } from '@baihua/apps/speech';
import * as tf from '@tensorflow/tfjs-core';

/** softmax(model(features)) of one utterance: [steps][vocabulary + 1], blank first. */
export async function posteriorRows(recognizer: SpeechRecognizer, audio: DecodedAudio): Promise<number[][]> {
  const features = recognizerFeatures(audio, recognizer.stack);
  const probabilities = tf.tidy(() => tf.softmax(recognizer.model.apply(tf.expandDims(features, 0)) as tf.Tensor3D));
  features.dispose();
  const rows = ((await probabilities.array()) as number[][][])[0] as number[][];
  probabilities.dispose();
  return rows;
}
