// @baihua/apps/text: character-level LSTM language model and sampling (the seed's generation scenario).
// The token table shared by the sequence applications:
export { padSequences } from '../text-common/pad-sequences.js';
export type { PadSequencesOptions } from '../text-common/pad-sequences.js';
export { specialTokens, tokenize, Vocabulary } from '../text-common/vocabulary.js';
export type {
  EncodeOptions,
  Tokenization,
  UnknownTokenPolicy,
  VocabularyFromTextsOptions,
} from '../text-common/vocabulary.js';
// The character-level language model (issue 18's text generation):
export { CharLanguageModel } from './char-language-model.js';
export type { CharLanguageModelOptions, CharLanguageModelRun } from './char-language-model.js';
export { nextTokenLoss, trainCharLanguageModel } from './train-char-language-model.js';
export type { TrainCharLanguageModelOptions } from './train-char-language-model.js';
export { generateText } from './generate-text.js';
export type { GenerateTextOptions } from './generate-text.js';
export { meanNegativeLogLikelihood, perplexity } from './perplexity.js';
export type { NextTokenScorer } from './perplexity.js';
export { fitNGramBaseline, NGramBaseline } from './n-gram-baseline.js';
export type { NGramBaselineOptions } from './n-gram-baseline.js';
export { splitCharCorpus } from './split-char-corpus.js';
export type { CharCorpus, SplitCharCorpusOptions } from './split-char-corpus.js';
