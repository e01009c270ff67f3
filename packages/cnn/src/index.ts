// @baihua/cnn: convolution in every mode, pooling, CNN building blocks, and the wasm kernels
// tfjs lacks for CNN training. Importing it registers those kernels (see kernels/install.ts).
import './kernels/install.js';

export { conv2d } from './ops/conv2d.js';
export type { ConvolutionOptions } from './ops/conv2d.js';
export { depthwiseConv2d } from './ops/depthwise-conv2d.js';
export { separableConv2d } from './ops/separable-conv2d.js';
export { dilateFilter } from './ops/dilate-filter.js';
export { convOutputSize, convAxisGeometry } from './ops/conv-output-size.js';
export type { ConvOutputSizeOptions, AxisGeometry } from './ops/conv-output-size.js';
export type { ConvPadding, PoolPadding, SizePair } from './ops/conv-checks.js';
export { maxPool2d } from './ops/max-pool2d.js';
export { avgPool2d } from './ops/avg-pool2d.js';
export { l2Pool2d } from './ops/l2-pool2d.js';
export type { PoolingOptions } from './ops/pool-options.js';
export { globalAvgPool2d, globalMaxPool2d } from './ops/global-pool2d.js';
export type { GlobalPoolingOptions } from './ops/global-pool2d.js';
export { globalAvgPool1d, globalMaxPool1d } from './ops/global-pool1d.js';
export type { GlobalPooling1DOptions } from './ops/global-pool1d.js';
export { conv3d } from './ops/conv3d.js';
export { dilateFilter3d } from './ops/dilate-filter3d.js';
export { maxPool3d } from './ops/max-pool3d.js';
export { avgPool3d } from './ops/avg-pool3d.js';
export { conv3dTranspose } from './ops/conv3d-transpose.js';
export type {
  SizeTriple,
  Convolution3DOptions,
  Pooling3DOptions,
  Conv3DTransposeOptions,
} from './ops/volume-options.js';

export { registerCnnKernels, cnnWasmKernelConfigs, cnnWebGpuKernelConfigs } from './kernels/register-cnn-kernels.js';

export { Conv2D } from './layers/conv2d-layer.js';
export type { Conv2DOptions } from './layers/conv2d-layer.js';
export { SeparableConv2D } from './layers/separable-conv2d-layer.js';
export type { SeparableConv2DOptions } from './layers/separable-conv2d-layer.js';
export { MaxPool2D, AvgPool2D, L2Pool2D } from './layers/pool-layers.js';
export type { Pool2DLayerOptions } from './layers/pool-layers.js';
export { GlobalAvgPool2D, GlobalMaxPool2D } from './layers/global-pool-layers.js';
export type { GlobalPool2DOptions } from './layers/global-pool-layers.js';
export { GlobalAvgPool1D, GlobalMaxPool1D } from './layers/global-pool1d-layers.js';
export type { GlobalPool1DOptions } from './layers/global-pool1d-layers.js';
export { ConvBlock } from './layers/conv-block.js';
export type { ConvBlockOptions } from './layers/conv-block.js';
export { ResidualBlock } from './layers/residual-block.js';
export type { ResidualBlockOptions } from './layers/residual-block.js';
export { lenet5 } from './layers/lenet5.js';
export type { LeNet5Options } from './layers/lenet5.js';
export { freezeLayers, unfreezeLayers } from './layers/freeze-layers.js';
export type { LayerSelection } from './layers/freeze-layers.js';
export { Conv3D } from './layers/conv3d-layer.js';
export type { Conv3DOptions } from './layers/conv3d-layer.js';
export { MaxPool3D, AvgPool3D } from './layers/pool3d-layers.js';
export type { Pool3DLayerOptions } from './layers/pool3d-layers.js';
export { Conv3DTranspose } from './layers/conv3d-transpose-layer.js';
export type { Conv3DTransposeLayerOptions } from './layers/conv3d-transpose-layer.js';
export { UpSampling3D } from './layers/up-sampling3d-layer.js';
export type { UpSampling3DOptions } from './layers/up-sampling3d-layer.js';

export { randomAffine } from './augmentation/random-affine.js';
export type { RandomAffineOptions } from './augmentation/random-affine.js';
export { randomCrop } from './augmentation/random-crop.js';
export type { RandomCropOptions } from './augmentation/random-crop.js';
export { createAugmenter } from './augmentation/create-augmenter.js';
export type { AugmenterOptions } from './augmentation/create-augmenter.js';
