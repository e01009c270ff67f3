// @baihua/apps/explain: the seed's explanations (可解释性): gradients, integrated gradients,
// occlusion, LIME, KernelSHAP for any classifier, their faithfulness measured by deletion and
// insertion curves against a random order, and heat maps over the digits as PNG.
export type { Classifier, LogitsFunction } from './classifier.js';
export type { ExplainOptions, ExplainedOutput } from './explain-options.js';
export { saliency } from './saliency.js';
export type { SaliencyOptions } from './saliency.js';
export { gradientTimesInput } from './gradient-times-input.js';
export { smoothGrad } from './smooth-grad.js';
export type { SmoothGradOptions } from './smooth-grad.js';
export { integratedGradients } from './integrated-gradients.js';
export type { IntegratedGradientsOptions, IntegratedGradientsResult } from './integrated-gradients.js';
export { pathPoints } from './integration-path.js';
export type { RiemannRule } from './integration-path.js';
export { occlusion } from './occlusion.js';
export type { OcclusionOptions } from './occlusion.js';
export { patchSegments } from './patch-segments.js';
export type { PatchSize, Segments } from './patch-segments.js';
export { lime } from './lime.js';
export type { LimeOptions, LimeResult } from './lime.js';
export { limeKernel } from './lime-kernel.js';
export type { LimeDistance } from './lime-kernel.js';
export { weightedRidge } from './weighted-ridge.js';
export type { LinearFit } from './weighted-ridge.js';
export { kernelShap } from './kernel-shap.js';
export type { KernelShapOptions, KernelShapResult } from './kernel-shap.js';
export { shapleyCoalitions, shapleyKernelWeight } from './shapley-coalitions.js';
export type { Coalitions } from './shapley-coalitions.js';
export { shapleyRegression } from './shapley-regression.js';
export { deletionCurve, insertionCurve } from './perturbation-curve.js';
export type { PerturbationCurve, PerturbationCurveOptions } from './perturbation-curve.js';
export { areaUnderCurve } from './area-under-curve.js';
export { randomAttribution } from './random-attribution.js';
export type { RandomAttributionOptions } from './random-attribution.js';
export { attributionHeatmapPng } from './attribution-heatmap-png.js';
export type { AttributionHeatmapOptions } from './attribution-heatmap-png.js';
