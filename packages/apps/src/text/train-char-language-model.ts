import * as tf from '@tensorflow/tfjs-core';
import { softmaxCrossEntropy } from '@baihua/losses';
import { Adam, History, assertKnownOptions, assertPositive, assertPositiveInteger, trainStep } from '@baihua/core';
import { type CharLanguageModel, disposeState } from './char-language-model.js';
import { checkIds } from './text-checks.js';
import { meanNegativeLogLikelihood } from './perplexity.js';

/** Options of {@link trainCharLanguageModel}. */
export interface TrainCharLanguageModelOptions {
  /** Steps each gradient reaches back (the truncation of backpropagation through time). Default 64. */
  windowLength?: number;
  /** Parallel streams: the text is cut into this many contiguous pieces, one per batch row. Default 16. */
  batchSize?: number;
  /** Passes over the text. Default 1. */
  epochs?: number;
  /** Adam's learning rate. Default 0.003. */
  learningRate?: number;
  /** Gradients are rescaled when their global norm exceeds this. Default 5. */
  clipNorm?: number;
  /** Held-out ids: their mean negative log-likelihood is recorded as 'valLoss' after each epoch. */
  validationIds?: readonly number[];
  /** Called after each epoch with its figures. */
  onEpoch?: (epoch: number, logs: Record<string, number>) => void;
}

const optionKeys = ['windowLength', 'batchSize', 'epochs', 'learningRate', 'clipNorm', 'validationIds', 'onEpoch'];

/** Mean cross-entropy of next-token logits [B, T, V] against target ids [B, T], in nats per token. */
export function nextTokenLoss(labels: tf.Tensor, logits: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const depth = logits.shape[logits.rank - 1] as number;
    const ids = tf.cast(tf.reshape(labels, [-1]), 'int32');
    return softmaxCrossEntropy(ids, tf.reshape(logits, [-1, depth])); // the fused y_hat - t gradient
  });
}

/**
 * Trains a {@link CharLanguageModel} on one long id sequence by truncated backpropagation through
 * time (Zaremba et al. 2014): the ids are cut into `batchSize` contiguous streams of L tokens;
 * each epoch walks them in consecutive windows of `windowLength` steps (inputs ids[t], targets
 * ids[t + 1]), and each window starts from the previous window's final state (carried, with no
 * gradient through it: the truncation). The state is zero at the start of every epoch. Loss: the
 * mean cross-entropy -log p(c_{t+1} | c_<=t); Adam with gradient clipping, through core's `trainStep`.
 * Returns a History with 'loss' (mean over the epoch's windows) and 'valLoss' when validationIds
 * are given (nats per character; perplexity = e^valLoss).
 *
 * @example
 * const history = await trainCharLanguageModel(model, vocabulary.encode(text), { epochs: 5 });
 *
 * In plain words: read the book in short passages, remembering where you were, and after each
 * passage correct the guesses you made about the next character.
 */
export async function trainCharLanguageModel(
  model: CharLanguageModel,
  ids: readonly number[],
  options: TrainCharLanguageModelOptions = {},
): Promise<History> {
  const fn = 'trainCharLanguageModel';
  assertKnownOptions(fn, 'options', options, optionKeys);
  const { windowLength = 64, batchSize = 16, epochs = 1, learningRate = 0.003, clipNorm = 5 } = options;
  for (const [name, value] of Object.entries({ windowLength, batchSize, epochs }))
    assertPositiveInteger(fn, name, value);
  assertPositive(fn, 'learningRate', learningRate);
  assertPositive(fn, 'clipNorm', clipNorm);
  checkIds(fn, 'ids', ids, model.vocabularySize, batchSize + 1);
  if (options.validationIds !== undefined)
    checkIds(fn, 'validationIds', options.validationIds, model.vocabularySize, 2);
  const streamLength = Math.floor((ids.length - 1) / batchSize);
  const rowsOf = (shift: number) =>
    Array.from({ length: batchSize }, (_, b) => ids.slice(b * streamLength + shift, (b + 1) * streamLength + shift));
  const [inputRows, targetRows] = [rowsOf(0), rowsOf(1)];
  const optimizer = new Adam({ learningRate });
  const history = new History();
  model.ensureBuilt([batchSize, 1]);
  try {
    for (let epoch = 0; epoch < epochs; epoch++) {
      disposeState(model.state);
      model.state = model.zeroState(batchSize);
      let total = 0;
      let windows = 0;
      for (let start = 0; start < streamLength; start += windowLength) {
        const end = Math.min(start + windowLength, streamLength);
        const window = (rows: number[][]) =>
          tf.tensor2d(
            rows.map((row) => row.slice(start, end)),
            undefined,
            'int32',
          );
        const [x, y] = [window(inputRows), window(targetRows)];
        try {
          total += (await trainStep(model, { x, y }, { loss: nextTokenLoss, optimizer, clipNorm })).loss;
          windows++;
        } finally {
          tf.dispose([x, y]);
        }
      }
      const logs: Record<string, number> = { loss: total / windows };
      if (options.validationIds) logs.valLoss = await meanNegativeLogLikelihood(model, options.validationIds);
      history.record(epoch, logs);
      options.onEpoch?.(epoch, logs);
    }
  } finally {
    disposeState(model.state);
    model.state = undefined;
    optimizer.dispose();
  }
  return history;
}
