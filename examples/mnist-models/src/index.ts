// Source-only workspace package: the MNIST LeNet-5 and MLP trained once (examples/mnist-lenet and
// examples/mnist-mlp's recipes) and cached on disk, for the examples that need a trained classifier.
export { classifierInput, classifierInputShape } from './classifier-input.js';
export type { MnistClassifierKind } from './classifier-input.js';
export { defaultCacheDir, loadOrTrainMnistClassifier, readRecipe } from './load-or-train.js';
export type { LoadOrTrainOptions, MnistClassifier } from './load-or-train.js';
