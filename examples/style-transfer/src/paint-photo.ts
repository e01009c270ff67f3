import * as tf from '@tensorflow/tfjs-core';
import {
  decodeImage,
  randomFeatureExtractor,
  resizeToFit,
  styleTransfer,
  type StepLosses,
  type StyleTransferHistory,
} from '@baihua/apps/style';
import { faceNetExtractor, faceNetLayers } from './face-net-extractor.js';
import { type SamplePhotoName, samplePhoto } from './sample-photos.js';

/** Settings of {@link paintPhoto}; the example's command-line defaults are in main.ts. */
export interface PaintSettings {
  content: SamplePhotoName;
  style: SamplePhotoName;
  /** Longer side of both photos after shrinking, px. */
  size: number;
  steps: number;
  learningRate: number;
  /** beta, the style term's weight (alpha = 1). */
  styleWeight: number;
  /** gamma, the total variation weight. */
  tvWeight: number;
  /** Filter sizes of the random extractor, and filters per size. */
  scales: number[];
  filters: number;
  seed: number;
  /** 'random' (default): randomFeatureExtractor; 'face-net': face-api's pretrained net's first stages. */
  extractor?: 'random' | 'face-net';
  onProgress?: (done: number, total: number, losses: StepLosses) => void;
}

/**
 * The example's pipeline: two of face-api's sample photos decoded (jpeg-js) and shrunk to `size`,
 * a random multi-scale extractor, styleTransfer from the content photo with the smallest scale as
 * the content layer and every scale as a style layer. Returns the three images ([H, W, 3], the
 * caller disposes them) and the loss history.
 *
 * @example
 * const run = await paintPhoto({ content: 'sample1', style: 'sample3', size: 128, ... });
 *
 * In plain words: repaint one photo with the textures of another.
 */
export async function paintPhoto(settings: PaintSettings): Promise<{
  content: tf.Tensor;
  style: tf.Tensor;
  result: tf.Tensor;
  history: StyleTransferHistory;
}> {
  const load = (name: SamplePhotoName) => {
    const full = decodeImage(samplePhoto(name).bytes);
    try {
      return resizeToFit(full, settings.size);
    } finally {
      full.dispose();
    }
  };
  const content = load(settings.content);
  const style = load(settings.style);
  const chosen = await chooseExtractor(settings);
  try {
    const { image, history } = await styleTransfer({
      content,
      style,
      extractor: chosen.extractor,
      contentLayers: chosen.contentLayers,
      styleLayers: chosen.styleLayers,
      weights: { content: 1, style: settings.styleWeight, totalVariation: settings.tvWeight },
      steps: settings.steps,
      learningRate: settings.learningRate,
      seed: settings.seed,
      ...(settings.onProgress ? { onProgress: settings.onProgress } : {}),
    });
    return { content, style, result: image, history };
  } catch (error) {
    tf.dispose([content, style]);
    throw error;
  } finally {
    chosen.dispose();
  }
}

/** The random extractor (content: the smallest scale; style: every scale) or face-api's net's stages. */
async function chooseExtractor(settings: PaintSettings) {
  if (settings.extractor === 'face-net') {
    const { extractor, net } = await faceNetExtractor();
    return { extractor, contentLayers: ['block64'], styleLayers: [...faceNetLayers], dispose: () => net.dispose() };
  }
  const extractor = randomFeatureExtractor({ seed: settings.seed, scales: settings.scales, filters: settings.filters });
  const [smallest] = extractor.layerNames as [string];
  return { extractor, contentLayers: [smallest], styleLayers: [...extractor.layerNames], dispose: extractor.dispose };
}

/**
 * The two lines the example prints: `style loss: <start> -> <end> (x<ratio>)` and
 * `content loss: <start> -> <end>`, four significant digits.
 *
 * @example
 * lossLines(history); // ['style loss: 9.437 -> 0.6264 (x15.1)', 'content loss: 0 -> 1325']
 */
export function lossLines(history: StyleTransferHistory): [string, string] {
  const first = (values: number[]) => values[0] as number;
  const last = (values: number[]) => values[values.length - 1] as number;
  const show = (value: number) => (value === 0 ? '0' : value.toPrecision(4));
  const ratio = first(history.style) / last(history.style);
  return [
    `style loss: ${show(first(history.style))} -> ${show(last(history.style))} (x${ratio.toFixed(1)})`,
    `content loss: ${show(first(history.content))} -> ${show(last(history.content))}`,
  ];
}
