// @baihua/apps/captioning: image captioning, CNN features -> LSTM decoder with attention (the seed's
// 图像描述). The token table shared by the sequence applications:
export { padSequences } from '../text-common/pad-sequences.js';
export type { PadSequencesOptions } from '../text-common/pad-sequences.js';
export { specialTokens, tokenize, Vocabulary } from '../text-common/vocabulary.js';
export type {
  EncodeOptions,
  Tokenization,
  UnknownTokenPolicy,
  VocabularyFromTextsOptions,
} from '../text-common/vocabulary.js';
// Scenes (SYNTHETIC), their grammar, BLEU and exact match.
export { captionScenes, sceneInSplit } from './caption-scenes.js';
export type { CaptionedScenes, CaptionScenesOptions, SceneSplit } from './caption-scenes.js';
export { renderScene } from './render-scene.js';
export { drawShape } from './draw-shape.js';
export type { ShapeStroke } from './draw-shape.js';
export {
  captionVocabulary,
  describeScene,
  heldOutPairs,
  isHeldOutPair,
  sceneColours,
  sceneRelations,
  sceneShapes,
  sceneSizes,
  sceneWords,
} from './scene-grammar.js';
export type { SceneColour, SceneRelation, SceneShape, SceneSize, SceneSpec } from './scene-grammar.js';
export { corpusBleu } from './corpus-bleu.js';
export type { BleuScore, CorpusBleuOptions } from './corpus-bleu.js';
export { exactMatch } from './exact-match.js';
export type { Sentence } from './bleu-inputs.js';
// The model: CNN encoder + the shared attention decoder, teacher forcing, decoding, attention maps.
export { CaptionEncoder } from './caption-encoder.js';
export type { CaptionEncoderOptions } from './caption-encoder.js';
export { Captioner } from './captioner.js';
export type { CaptionerOptions } from './captioner.js';
export { captionTargets } from './caption-targets.js';
export type { CaptionTargetBatch, CaptionTargetsOptions } from './caption-targets.js';
export { sequenceCrossEntropy } from '../text-common/sequence-cross-entropy.js';
export { trainCaptioner } from './train-captioner.js';
export type { TrainCaptionerOptions } from './train-captioner.js';
export { captionImages } from './caption-images.js';
export type { CaptionImagesOptions, CaptionImagesResult } from './caption-images.js';
export { captionAttentionPng } from './caption-attention-png.js';
export type { CaptionAttentionPngOptions } from './caption-attention-png.js';
export { sentenceBleu } from './sentence-bleu.js';
export type { SentenceBleuOptions } from './sentence-bleu.js';
