// Source-only workspace package (examples run TypeScript through tsx and vitest): the MNIST
// examples' shared data loading.
export { loadDigits, toTensors } from './load-digits.js';
export type { DigitSplit, LoadDigitsOptions } from './load-digits.js';
