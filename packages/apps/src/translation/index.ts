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
