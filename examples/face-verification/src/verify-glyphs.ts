import {
  embedImages,
  type GlyphSet,
  type GlyphJitter,
  glyphIdentitySet,
  pairDistances,
  splitByIdentity,
  type TripletMining,
  trainEmbedding,
  type VerificationResult,
  verificationPairs,
  verificationReport,
} from '@baihua/apps/face';
import { Adam, type Layer } from '@baihua/core';
import { type GlyphEmbeddingNetOptions, glyphEmbeddingNet } from './glyph-embedding-net.js';

/** Settings of one run (see main.ts for the defaults the example uses). */
export interface GlyphVerificationSettings {
  fonts: readonly string[];
  /** Training identities and unseen test identities (characters). */
  trainIdentities: number;
  testIdentities: number;
  samplesPerIdentity: number;
  jitter?: GlyphJitter;
  minings: readonly TripletMining[];
  steps: number;
  identitiesPerBatch: number;
  samplesPerBatchIdentity: number;
  /** Adam's starting rate, cosine-decayed to 0 over the steps. */
  learningRate: number;
  margin?: number;
  net?: GlyphEmbeddingNetOptions;
  seed?: number;
  onProgress?: (mining: TripletMining, step: number, steps: number, loss: number) => void;
}

/** One mining strategy's result on the unseen identities. */
export interface MiningResult {
  report: VerificationResult;
  seconds: number;
  finalLoss: number;
}

/** Embeds the test rows and verifies all positive pairs against 3 negatives each. */
export async function verifyOn(model: Layer, test: GlyphSet, seed: number): Promise<VerificationResult> {
  const labels = await test.labels.data();
  const pairs = verificationPairs(labels, { negativesPerPositive: 3, seed });
  const embeddings = embedImages(model, test.images, { batchSize: 256 });
  try {
    return verificationReport(await pairDistances(embeddings, pairs), pairs.same, { seed });
  } finally {
    embeddings.dispose();
  }
}

/**
 * The example's pipeline: renders the identity set, splits it by identity, and for each mining
 * strategy trains a fresh embedding net (same seed, same steps) on the training identities and
 * verifies pairs of the unseen test identities. Also reports the untrained net, as a floor.
 */
export async function verifyGlyphs(settings: GlyphVerificationSettings) {
  const seed = settings.seed ?? 1;
  const identities = settings.trainIdentities + settings.testIdentities;
  const set = await glyphIdentitySet({
    fonts: settings.fonts,
    identities,
    samplesPerIdentity: settings.samplesPerIdentity,
    jitter: settings.jitter,
    seed,
  });
  const { train, test } = splitByIdentity(set, { testIdentities: settings.testIdentities, seed });
  const results: Partial<Record<TripletMining, MiningResult>> = {};
  try {
    const untrainedNet = glyphEmbeddingNet({ ...settings.net, seed });
    const untrained = await verifyOn(untrainedNet, test, seed).finally(() => untrainedNet.dispose());
    for (const mining of settings.minings) {
      const model = glyphEmbeddingNet({ ...settings.net, seed });
      const optimizer = new Adam({ learningRate: settings.learningRate });
      try {
        const started = performance.now();
        const { loss } = await trainEmbedding(model, train, {
          mining,
          steps: settings.steps,
          identitiesPerBatch: settings.identitiesPerBatch,
          samplesPerIdentity: settings.samplesPerBatchIdentity,
          margin: settings.margin,
          optimizer,
          seed,
          onStep: ({ step, steps, loss }) => {
            optimizer.learningRate =
              settings.learningRate * (0.01 + (0.99 * (1 + Math.cos((Math.PI * step) / steps))) / 2);
            settings.onProgress?.(mining, step, steps, loss);
          },
        });
        const report = await verifyOn(model, test, seed);
        const seconds = (performance.now() - started) / 1000;
        const tail = loss.slice(-20);
        results[mining] = { report, seconds, finalLoss: tail.reduce((a, b) => a + b, 0) / tail.length };
      } finally {
        model.dispose();
        optimizer.dispose();
      }
    }
    return { results, untrained, characters: set.characters, testCharacters: test.characters, set };
  } finally {
    train.dispose();
    test.dispose();
  }
}
