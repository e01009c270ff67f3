// @baihua/apps/translation: encoder-decoder LSTM with attention (the seed's translation scenario).
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
// The shared sequence decoding (attention decoder, beam search):
export { AttentionDecoder } from '../text-common/attention-decoder.js';
export type {
  AttentionDecoderOptions,
  AttentionDecoderState,
  DecoderStartOptions,
} from '../text-common/attention-decoder.js';
export type { AttentionScore } from '../text-common/attention-score.js';
export { beamSearch } from '../text-common/beam-search.js';
export type {
  BeamSearchOptions,
  BeamSearchResult,
  BeamState,
  DecodeStep,
  DecodeStepOutput,
} from '../text-common/beam-search.js';
// Chinese numerals <-> Arabic numbers, the task with checkable truth:
export { fromChineseNumeral, maxChineseNumeral, toChineseNumeral } from './chinese-numeral.js';
export { createNumeralDataset } from './numeral-dataset.js';
export type { NumeralDatasetOptions, NumeralPair } from './numeral-dataset.js';
// The encoder-decoder, its training and decoding, and the attention picture:
export { TranslationModel } from './translation-model.js';
export type { TranslationModelOptions } from './translation-model.js';
export { sequenceCrossEntropy } from '../text-common/sequence-cross-entropy.js';
export { translationBatch } from './translation-batch.js';
export type { TranslationPair } from './translation-batch.js';
export { trainTranslation } from './train-translation.js';
export type { TrainTranslationOptions } from './train-translation.js';
export { translate } from './translate.js';
export type { TranslateOptions, Translation } from './translate.js';
export { attentionMapLegend, attentionMapPng } from './attention-map-png.js';
