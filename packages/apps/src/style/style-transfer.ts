import * as tf from '@tensorflow/tfjs-core';
import { Adam, ShapeError, createRandom, describeShape } from '@baihua/core';
import { rgbBatchShape } from './image-checks.js';
import { styleObjective } from './style-objective.js';
import { styleTargets } from './style-targets.js';
import { checkStyleTransferOptions, type StepLosses, type StyleTransferOptions } from './style-transfer-options.js';

/** The losses after 0, 1, ..., steps Adam steps (steps + 1 entries each). */
export interface StyleTransferHistory {
  content: number[];
  style: number[];
  totalVariation: number[];
  total: number[];
}

/** What {@link styleTransfer} returns. */
export interface StyleTransferResult {
  /** The painted image, in [0, 1], of the content's shape ([H, W, 3] or [B, H, W, 3]); the caller disposes it. */
  image: tf.Tensor;
  /** The loss terms before the first step and after every step. */
  history: StyleTransferHistory;
}

/**
 * Neural style transfer (Gatys, Ecker and Bethge 2016; the seed's 艺术风格迁移): optimises the
 * pixels x of an image, started from the content photo or from noise, with Adam to minimise
 *   alpha sum_l w_l 1/2 ||F_l(x) - F_l(content)||^2 + beta sum_l w_l ||G_l(x) - G_l(style)||^2
 *     + gamma TV(x),
 * F_l the extractor's feature maps, G_l their Gram matrices (F^T F / (H W)); after every step the
 * pixels are clipped to [0, 1]. Defaults: 200 steps, learning rate 0.02, init 'content', weights
 * alpha 1, beta 1e4, gamma 1e-3, w_l = 1 / (layers of that kind). The balance of alpha and beta
 * depends on the extractor and the image size: tune beta first. Content [H, W, 3] or [B, H, W, 3],
 * style [H', W', 3] or [1 or B, H', W', 3], float32 in [0, 1]. Every tensor it makes is freed, also
 * on error; the extractor stays the caller's.
 *
 * @example
 * const extractor = randomFeatureExtractor({ seed: 1 });
 * const { image, history } = await styleTransfer({
 *   content, style, extractor, contentLayers: ['scale3'], styleLayers: extractor.layerNames, steps: 300,
 * });
 *
 * In plain words: start from the photo and keep repainting it so that, seen through the network,
 * it keeps the photo's layout but takes on the style picture's textures and colours.
 */
export async function styleTransfer(options: StyleTransferOptions): Promise<StyleTransferResult> {
  const fn = 'styleTransfer';
  const settings = checkStyleTransferOptions(options);
  const { content, style, extractor } = options;
  const contentShape = rgbBatchShape(fn, 'content', content);
  const styleShape = rgbBatchShape(fn, 'style', style);
  if (styleShape[0] !== 1 && styleShape[0] !== contentShape[0])
    throw new ShapeError(
      fn,
      `expected style of batch 1 or ${contentShape[0]} (content's), got shape ${describeShape(style.shape)}`,
    );
  const targets = tf.tidy(() =>
    styleTargets(
      fn,
      extractor,
      tf.reshape(content, contentShape),
      tf.reshape(style, styleShape),
      settings.contentWeights.map((layer) => layer.name),
      settings.styleWeights.map((layer) => layer.name),
    ),
  );
  const pixels = tf.tidy(() => tf.variable(startImage(content, contentShape, settings.init, settings.seed)));
  const optimizer = new Adam({ learningRate: settings.learningRate });
  const history: StyleTransferHistory = { content: [], style: [], totalVariation: [], total: [] };
  const objective = () => styleObjective(pixels as tf.Tensor4D, extractor, targets, settings);
  try {
    for (let step = 0; step <= settings.steps; step++) {
      let terms: tf.Tensor1D | undefined;
      if (step < settings.steps) {
        const { value, grads } = tf.variableGrads(() => {
          const { total, terms: stepTerms } = objective();
          terms = tf.keep(stepTerms);
          return total;
        }, [pixels]);
        try {
          optimizer.applyGradients([{ variable: pixels, gradient: grads[pixels.name] as tf.Tensor }]);
          tf.tidy(() => pixels.assign(tf.clipByValue(pixels, 0, 1)));
        } finally {
          tf.dispose([value, ...Object.values(grads)]);
        }
      } else terms = tf.tidy(() => objective().terms);
      const losses = await readLosses(terms as tf.Tensor1D);
      history.content.push(losses.content);
      history.style.push(losses.style);
      history.totalVariation.push(losses.totalVariation);
      history.total.push(losses.total);
      if (step > 0) await options.onProgress?.(step, settings.steps, losses);
    }
    return { image: tf.tidy(() => tf.reshape(pixels, content.shape)), history };
  } finally {
    optimizer.dispose();
    tf.dispose([pixels, ...Object.values(targets.content), ...Object.values(targets.grams)]);
  }
}

/** The content photo, or uniform noise in [0, 1) drawn in JavaScript (the same on every backend). */
function startImage(content: tf.Tensor, shape: number[], init: 'content' | 'noise', seed: number): tf.Tensor {
  if (init === 'content') return tf.reshape(content, shape);
  const random = createRandom(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: size }, () => random.next()),
    shape,
  );
}

async function readLosses(terms: tf.Tensor1D): Promise<StepLosses> {
  try {
    const [content, style, totalVariation, total] = Array.from(await terms.data());
    return { content, style, totalVariation, total } as StepLosses;
  } finally {
    terms.dispose();
  }
}
