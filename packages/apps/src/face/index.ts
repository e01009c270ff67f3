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
