// The text-generation pipeline: split the notes, fit the baselines, train the char LSTM, score, sample.
import type { History } from '@baihua/core';
import {
  CharLanguageModel,
  fitNGramBaseline,
  generateText,
  perplexity,
  splitCharCorpus,
  trainCharLanguageModel,
} from '@baihua/apps/text';

/** Sizes and training settings; the defaults are the README's run. */
export interface TextGenerationSettings {
  units: number;
  layers: number;
  embeddingSize: number;
  epochs: number;
  windowLength: number;
  batchSize: number;
  learningRate: number;
  /** The sample printed at the end. */
  sample: { prompt: string; length: number; temperature: number; topK: number; seed: number };
  onEpoch?: (epoch: number, logs: Record<string, number>) => void;
}

/** What {@link runTextGeneration} measured. */
export interface TextGenerationResult {
  model: number;
  bigram: number;
  unigram: number;
  /** The add-k pseudo-count chosen for each baseline on the training span's own last tenth. */
  addK: { unigram: number; bigram: number };
  sample: string;
  history: History;
  vocabularySize: number;
  trainCharacters: number;
  heldOutCharacters: number;
}

const addKCandidates = [1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01];

/**
 * The add-k of an n-gram baseline, chosen without the held-out span: fit on the first 90% of the
 * training ids, keep the k with the lowest perplexity on the last 10% of them.
 */
async function chooseAddK(trainIds: number[], order: 1 | 2, vocabularySize: number): Promise<number> {
  const cut = Math.round(trainIds.length * 0.9);
  const [fitIds, checkIds] = [trainIds.slice(0, cut), trainIds.slice(cut)];
  let best = { addK: 1, perplexity: Number.POSITIVE_INFINITY };
  for (const addK of addKCandidates) {
    const value = await perplexity(fitNGramBaseline(fitIds, { order, vocabularySize, addK }), checkIds);
    if (value < best.perplexity) best = { addK, perplexity: value };
  }
  return best.addK;
}

/** Runs the whole pipeline on `text` (held-out span: its last 10%, contiguous). */
export async function runTextGeneration(text: string, settings: TextGenerationSettings): Promise<TextGenerationResult> {
  const corpus = splitCharCorpus(text, { heldOutFraction: 0.1, minCount: 2 });
  const vocabularySize = corpus.vocabulary.size;
  const addK = {
    unigram: await chooseAddK(corpus.trainIds, 1, vocabularySize),
    bigram: await chooseAddK(corpus.trainIds, 2, vocabularySize),
  };
  const unigram = fitNGramBaseline(corpus.trainIds, { order: 1, vocabularySize, addK: addK.unigram });
  const bigram = fitNGramBaseline(corpus.trainIds, { order: 2, vocabularySize, addK: addK.bigram });
  const { units, layers, embeddingSize, epochs, windowLength, batchSize, learningRate } = settings;
  const model = new CharLanguageModel({ vocabularySize, units, layers, embeddingSize, seed: 1 });
  try {
    const history = await trainCharLanguageModel(model, corpus.trainIds, {
      epochs,
      windowLength,
      batchSize,
      learningRate,
      validationIds: corpus.heldOutIds,
      onEpoch: settings.onEpoch,
    });
    return {
      model: await perplexity(model, corpus.heldOutIds),
      bigram: await perplexity(bigram, corpus.heldOutIds),
      unigram: await perplexity(unigram, corpus.heldOutIds),
      addK,
      sample: await generateText(model, corpus.vocabulary, settings.sample),
      history,
      vocabularySize,
      trainCharacters: corpus.trainIds.length,
      heldOutCharacters: corpus.heldOutIds.length,
    };
  } finally {
    model.dispose();
  }
}

/** The line: `held-out perplexity: <model> (bigram <b>, unigram <u>)`, two decimals each. */
export function perplexityLine(result: Pick<TextGenerationResult, 'model' | 'bigram' | 'unigram'>): string {
  const [model, bigram, unigram] = [result.model, result.bigram, result.unigram].map((value) => value.toFixed(2));
  return `held-out perplexity: ${model} (bigram ${bigram}, unigram ${unigram})`;
}

/** The sample's heading (prompt, temperature, top-k, seed stated) and the prompt with its continuation. */
export function sampleLines(settings: TextGenerationSettings['sample'], continuation: string): [string, string] {
  const { prompt, temperature, topK, seed } = settings;
  return [
    `sample (prompt "${prompt}", temperature ${temperature}, top-k ${topK}, seed ${seed}):`,
    prompt + continuation,
  ];
}
