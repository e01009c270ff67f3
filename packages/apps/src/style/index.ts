// @baihua/apps/style: neural style transfer (the seed's 艺术风格迁移) and the image IO it needs.
export { styleTransfer } from './style-transfer.js';
export type { StyleTransferHistory, StyleTransferResult } from './style-transfer.js';
export type { StepLosses, StyleTransferOptions, StyleWeights } from './style-transfer-options.js';
export { randomFeatureExtractor } from './random-feature-extractor.js';
export type {
  FeatureExtractor,
  DisposableFeatureExtractor,
  RandomFeatureExtractorOptions,
} from './random-feature-extractor.js';
export { decodeImage } from './decode-image.js';
export { encodeJpeg, encodePng } from './encode-image.js';
export { imageDataToTensor, tensorToImageData } from './image-data.js';
export { resizeToFit } from './resize-to-fit.js';
export type { ImageDataLike } from './image-data.js';
