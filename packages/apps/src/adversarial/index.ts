// @baihua/apps/adversarial: the seed's adversarial attacks (对抗攻击, the one-pixel attack) and defences
// (adversarial training, randomised smoothing, input squeezing), on any classifier images -> logits [N, K].
export type { Classifier } from './classifier.js';
export type { PixelBounds } from './attack-checks.js';
export type { AttackOptions } from './attack-setup.js';
export type { AttackResult } from './attack-report.js';
export { fgsm } from './fgsm.js';
export type { FgsmOptions } from './fgsm.js';
export { pgd } from './pgd.js';
export type { PgdOptions } from './pgd.js';
export { onePixelAttack } from './one-pixel-attack.js';
export type { OnePixelAttackOptions } from './one-pixel-attack.js';
export { adversarialBatches } from './adversarial-batches.js';
export type { AdversarialBatchesOptions } from './adversarial-batches.js';
export { ABSTAIN } from './smoothing-options.js';
export type { SmoothingOptions } from './smoothing-options.js';
export { smoothedPredict } from './smoothed-predict.js';
export { certify, certifiedAccuracy } from './certify.js';
export type { CertifyOptions, CertifyResult } from './certify.js';
export { normalCdf, normalQuantile } from './normal-quantile.js';
export { betaQuantile, regularizedBeta } from './beta-quantile.js';
export { binomialTestHalf, clopperPearsonLower } from './clopper-pearson.js';
export { logGamma } from './log-gamma.js';
export { compressFeatures, reduceBitDepth, squeezedClassifier } from './input-squeezing.js';
export type { SqueezeOptions } from './input-squeezing.js';
