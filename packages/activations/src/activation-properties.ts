/** An interval of real numbers; infinite ends are never included. */
export interface ValueRange {
  min: number;
  max: number;
  includesMin: boolean;
  includesMax: boolean;
}

/** What values a derivative takes: an interval, or a finite set (piecewise-linear functions). */
export type DerivativeValues = { kind: 'interval'; range: ValueRange } | { kind: 'set'; values: readonly number[] };

/** Where the derivative goes to 0 as the input grows: both tails, the negative tail, or nowhere. */
export type Saturation = 'both sides' | 'negative side' | 'no';

/** One row of the property table. */
export interface ActivationProperty {
  /** The registered name. */
  name: string;
  /** The formula, in plain text. */
  formula: string;
  /** The mathematical range of the output (float32 may round onto an open end). */
  outputRange: ValueRange;
  /** Values of f'(x); for softmax and logSoftmax, of the Jacobian's entries. */
  derivative: DerivativeValues;
  /** The supremum of |f'(x)| (of |J_ij| for the softmaxes). */
  maxDerivative: number;
  /** True when the output averages 0 for inputs symmetric around 0 (an odd function). */
  zeroCentred: boolean;
  saturates: Saturation;
  /** The seed's plain-words description (大白话), quoted. */
  seedNote: string;
  /** The same in English, with the seed's main caveat. */
  note: string;
}

const open = (min: number, max: number): ValueRange => ({ min, max, includesMin: false, includesMax: false });
const leftClosed = (min: number, max: number): ValueRange => ({ min, max, includesMin: true, includesMax: false });
const rightClosed = (min: number, max: number): ValueRange => ({ min, max, includesMin: false, includesMax: true });
const closed = (min: number, max: number): ValueRange => ({ min, max, includesMin: true, includesMax: true });

/**
 * The seed's comparison of activations as data, at the default parameters (leakyRelu alpha 0.01,
 * elu alpha 1): output range, derivative range, largest derivative, zero-centred or not, where it
 * saturates, and the seed's plain-words line. The package README renders it, and a test checks
 * every entry against what the functions compute.
 *
 * @example
 * activationProperties.find((p) => p.name === 'sigmoid')?.maxDerivative; // 0.25
 *
 * In plain words: the seed's cheat sheet, "who passes how much gradient", kept honest by tests.
 */
export const activationProperties: readonly ActivationProperty[] = [
  {
    name: 'sigmoid',
    formula: '1 / (1 + e^-x)',
    outputRange: open(0, 1),
    derivative: { kind: 'interval', range: rightClosed(0, 0.25) },
    maxDerivative: 0.25,
    zeroCentred: false,
    saturates: 'both sides',
    seedNote: '老好人，永远说“可能吧”，极端情况装死',
    note: 'the nice guy who always says "maybe"; plays dead at the extremes (vanishing gradient)',
  },
  {
    name: 'tanh',
    formula: '(e^x - e^-x) / (e^x + e^-x)',
    outputRange: open(-1, 1),
    derivative: { kind: 'interval', range: rightClosed(0, 1) },
    maxDerivative: 1,
    zeroCentred: true,
    saturates: 'both sides',
    seedNote: '理性派，观点明确，极端情况沉默',
    note: 'the rational one with clear views; silent at the extremes',
  },
  {
    name: 'relu',
    formula: 'max(0, x)',
    outputRange: leftClosed(0, Infinity),
    derivative: { kind: 'set', values: [0, 1] },
    maxDerivative: 1,
    zeroCentred: false,
    saturates: 'negative side',
    seedNote: '激进派，正能量爆棚，屏蔽负面消息',
    note: 'the radical, all positive energy, blocks bad news (dying neurons)',
  },
  {
    name: 'leakyRelu',
    formula: 'x if x > 0, else alpha x (alpha = 0.01)',
    outputRange: open(-Infinity, Infinity),
    derivative: { kind: 'set', values: [0.01, 1] },
    maxDerivative: 1,
    zeroCentred: false,
    saturates: 'no',
    seedNote: '温和改革派，允许少量负面意见泄漏',
    note: 'the mild reformer, lets a little negative opinion leak through',
  },
  {
    name: 'elu',
    formula: 'x if x > 0, else alpha (e^x - 1) (alpha = 1)',
    outputRange: open(-1, Infinity),
    derivative: { kind: 'interval', range: rightClosed(0, 1) },
    maxDerivative: 1,
    zeroCentred: false,
    saturates: 'negative side',
    seedNote: '高情商专家，正面全力支持，负面委婉处理',
    note: 'the tactful expert, backs the positive fully, softens the negative (mean nearer 0 than ReLU)',
  },
  {
    name: 'softmax',
    formula: 'e^(x_i - max x) / sum_j e^(x_j - max x)',
    outputRange: open(0, 1),
    derivative: { kind: 'interval', range: closed(-0.25, 0.25) },
    maxDerivative: 0.25,
    zeroCentred: false,
    saturates: 'both sides',
    seedNote: '民主投票机，把争论转化为概率分布',
    note: 'the voting machine, turns an argument into a probability distribution (output layer only)',
  },
  {
    name: 'logSoftmax',
    formula: '(x_i - max x) - log sum_j e^(x_j - max x)',
    outputRange: open(-Infinity, 0),
    derivative: { kind: 'interval', range: open(-1, 1) },
    maxDerivative: 1,
    zeroCentred: false,
    saturates: 'no',
    seedNote: '— (not in the seed)',
    note: 'not in the seed table: softmax in log form, what cross-entropy needs; its Jacobian never vanishes entirely',
  },
  {
    name: 'linear',
    formula: 'x',
    outputRange: open(-Infinity, Infinity),
    derivative: { kind: 'set', values: [1] },
    maxDerivative: 1,
    zeroCentred: true,
    saturates: 'no',
    seedNote: '回归：线性函数',
    note: 'the regression output layer; stacked, it collapses into one linear map',
  },
];
