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
export type { CaptionScenes, CaptionScenesOptions, SceneSplit } from './caption-scenes.js';
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
