// @baihua/apps/face: face-api's pretrained face-recognition net (128-d descriptors) rebuilt from
// @baihua layers, its tfjs-format weights loaded by name through @baihua/core's loader.
export { ChannelScale } from './channel-scale.js';
export {
  createFaceRecognitionNet,
  faceCropSize,
  faceDescriptorSize,
  faceMeanRgb,
  faceRecognitionWeightMapping,
} from './face-recognition-net.js';
export { loadFaceRecognitionNet } from './load-face-recognition-net.js';
export { computeFaceDescriptors, isSameFace } from './compute-face-descriptors.js';
// verification: pairs, distances on the backend, ROC / AUC / EER / k-fold accuracy / TAR at FAR, ROC charts
export { verificationPairs } from './verification/verification-pairs.js';
export type { VerificationPairList, VerificationPairsOptions } from './verification/verification-pairs.js';
export { pairDistances } from './verification/pair-distances.js';
export { verificationReport } from './verification/verification-report.js';
export type { VerificationResult, VerificationReportOptions } from './verification/verification-report.js';
export type { RocCurve } from './verification/roc-curve.js';
export { rocCurvePng, rocCurveSvg } from './verification/roc-curve-chart.js';
export type { RocCurveChartOptions } from './verification/roc-curve-chart.js';
// metric learning: P x K batches, triplet training (random / batch-hard / semi-hard), unit embeddings
export { pkBatchIndices } from './metric-learning/pk-batch-indices.js';
export type { PkBatchOptions } from './metric-learning/pk-batch-indices.js';
export { trainEmbedding } from './metric-learning/train-embedding.js';
export type { EmbeddingData, TrainEmbeddingOptions } from './metric-learning/train-embedding.js';
export type { TripletMining } from './metric-learning/triplet-objective.js';
export { embedImages } from './metric-learning/embed-images.js';
export type { EmbedImagesOptions } from './metric-learning/embed-images.js';
export { fineTuneFaceNet } from './metric-learning/fine-tune-face-net.js';
export type { FineTuneFaceNetOptions } from './metric-learning/fine-tune-face-net.js';
// glyphs: a reproducible open-set identity set (CJK characters rendered from Debian's fonts), split by identity
export { cjkFontFiles } from './glyphs/cjk-font-files.js';
export { glyphIdentitySet } from './glyphs/glyph-identity-set.js';
export type { GlyphIdentitySetOptions } from './glyphs/glyph-identity-set.js';
export type { GlyphJitter } from './glyphs/glyph-affine.js';
export type { GlyphSet } from './glyphs/glyph-set.js';
export { splitByIdentity } from './glyphs/split-by-identity.js';
export type { SplitByIdentityOptions } from './glyphs/split-by-identity.js';
export { glyphSheetPng } from './glyphs/glyph-sheet-png.js';
export type { GlyphSheetOptions } from './glyphs/glyph-sheet-png.js';
