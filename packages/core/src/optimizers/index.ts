export { Optimizer } from './optimizer.js';
export type { GradientUpdate } from './optimizer.js';
export { Sgd } from './sgd.js';
export type { SgdOptions } from './sgd.js';
export { Adam } from './adam.js';
export type { AdamOptions } from './adam.js';
export { RmsProp } from './rms-prop.js';
export type { RmsPropOptions } from './rms-prop.js';
