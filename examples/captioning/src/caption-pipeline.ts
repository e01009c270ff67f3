// The captioning pipeline of this example: SYNTHETIC scenes -> train a Captioner -> caption the
// held-out scenes (colour-shape pairs never seen in training) -> BLEU-4, exact match, attention map.
import {
  Captioner,
  captionAttentionPng,
  captionImages,
  captionScenes,
  captionVocabulary,
  corpusBleu,
  exactMatch,
  isHeldOutPair,
  type SceneSpec,
  trainCaptioner,
} from '@baihua/apps/captioning';
import * as tf from '@tensorflow/tfjs-core';
import { sceneSheetPng } from './scene-sheet.js';

/** What to train and score; every field has the example's default in main.ts. */
export interface CaptionSettings {
  trainScenes: number;
  testScenes: number;
  size: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  wordDropout: number;
  filters: number[];
  hiddenSize: number;
  beamWidth: number;
  seed: number;
  onEpoch?: (epoch: number, loss: number, seconds: number) => void;
}

/** What the pipeline measured on the held-out scenes. */
export interface CaptionReport {
  bleu: number[];
  exactMatch: number;
  /** The same on new scenes of combinations seen in training. */
  seenBleu: number[];
  seenExactMatch: number;
  /** Of the held-out colour-shape pairs in the held-out scenes, the fraction named right, in place. */
  heldOutPairsRight: number;
  /** [reference, generated] for the first held-out scenes. */
  samples: [string, string][];
  /** The per-word attention map of the first held-out scene with a non-empty caption (none if all are empty). */
  attentionPng: Uint8Array | undefined;
  attentionCaption: string;
  /** The first held-out scenes side by side. */
  sheetPng: Uint8Array;
  trainSeconds: number;
  losses: number[];
}

/** The fraction of held-out pairs the captions name right (colour and shape at the pair's place). */
function heldOutPairsRight(scenes: readonly SceneSpec[], words: readonly string[][]): number {
  let right = 0;
  let total = 0;
  scenes.forEach((scene, i) => {
    const caption = words[i] ?? [];
    const pairs: [string, string, number][] = [
      [scene.colour, `${scene.shape}${scene.count > 1 ? 's' : ''}`, 2],
      [scene.objectColour, scene.objectShape, 6],
    ];
    pairs.forEach(([colour, shape, at], k) => {
      const heldOut =
        k === 0 ? isHeldOutPair(scene.colour, scene.shape) : isHeldOutPair(scene.objectColour, scene.objectShape);
      if (!heldOut) return;
      total++;
      if (caption[at] === colour && caption[at + 1] === shape) right++;
    });
  });
  return right / total;
}

/**
 * Trains a captioner on `trainScenes` training scenes and captions `testScenes` held-out ones with
 * beam search. Leaves no tensor behind.
 *
 * In plain words: teach the model to describe pictures, then test it on new colour-shape pairs.
 */
export async function runCaptioning(settings: CaptionSettings): Promise<CaptionReport> {
  const vocabulary = captionVocabulary();
  const { size, seed } = settings;
  const train = captionScenes({ count: settings.trainScenes, seed, size, split: 'train' });
  const test = captionScenes({ count: settings.testScenes, seed: seed + 1, size, split: 'test' });
  const captioner = new Captioner({
    vocabularySize: vocabulary.size,
    filters: settings.filters,
    hiddenSize: settings.hiddenSize,
    seed,
  });
  try {
    const started = performance.now();
    let last = started;
    const { losses } = await trainCaptioner(captioner, train.images, train.captions, vocabulary, {
      epochs: settings.epochs,
      batchSize: settings.batchSize,
      learningRate: settings.learningRate,
      wordDropout: settings.wordDropout,
      seed,
      onEpoch: (epoch, loss) => {
        settings.onEpoch?.(epoch, loss, (performance.now() - last) / 1000);
        last = performance.now();
      },
    });
    const trainSeconds = (performance.now() - started) / 1000;
    // For contrast: new scenes whose combinations training did see.
    const seen = captionScenes({ count: settings.testScenes, seed: seed + 2, size, split: 'train' });
    const seenCaptions = (await captionImages(captioner, seen.images, vocabulary, { beamWidth: settings.beamWidth }))
      .captions;
    const seenReferences = seen.captions.map((caption) => [caption]);
    seen.images.dispose();
    const decoded = await captionImages(captioner, test.images, vocabulary, { beamWidth: settings.beamWidth });
    const references = test.captions.map((caption) => [caption]);
    // The attention map of the first held-out scene that got a non-empty caption.
    const shown = Math.max(
      0,
      decoded.words.findIndex((words) => words.length > 0),
    );
    const scene = tf.slice(test.images, [shown, 0, 0, 0], [1, size, size, 3]);
    const words = decoded.words[shown] ?? [];
    const attentionPng =
      words.length === 0
        ? undefined
        : await captionAttentionPng(scene, words, decoded.weights[shown] ?? [], { scale: Math.round(96 / size) || 1 });
    scene.dispose();
    return {
      bleu: corpusBleu(decoded.captions, references).bleu,
      exactMatch: exactMatch(decoded.captions, references),
      seenBleu: corpusBleu(seenCaptions, seenReferences).bleu,
      seenExactMatch: exactMatch(seenCaptions, seenReferences),
      heldOutPairsRight: heldOutPairsRight(test.scenes, decoded.words),
      samples: test.captions.slice(0, 5).map((caption, i) => [caption, decoded.captions[i] ?? '']),
      attentionPng,
      attentionCaption: decoded.captions[shown] ?? '',
      sheetPng: await sceneSheetPng(test.images, Math.min(test.captions.length, 8)),
      trainSeconds,
      losses,
    };
  } finally {
    tf.dispose([train.images, test.images]);
    captioner.dispose();
  }
}
