import { assertKnownOptions } from '../checks/option-keys.js';
import { ArgumentError } from '../errors/argument-error.js';
import { assertInRange, assertNonNegative, assertPositive, assertPositiveInteger } from '../checks/value-checks.js';

/** Where training is when a schedule is asked for the learning rate (before each step). */
export interface ScheduleContext {
  /** 0-based epoch. */
  epoch: number;
  /** 0-based step counted over the whole run. */
  step: number;
  stepsPerEpoch: number;
  totalSteps: number;
  /** The optimiser's learning rate when `fit` began. */
  initialLearningRate: number;
}

/** Gives the learning rate for the next step; `fit` sets it on the optimiser before each step. */
export type LearningRateSchedule = (context: ScheduleContext) => number;

/**
 * Step decay: lr = lr0 * factor^floor(epoch / every).
 * @example fit(model, data, { loss, learningRate: stepDecay({ every: 10, factor: 0.5 }) });
 * In plain words: every few lessons, take smaller steps.
 */
export function stepDecay(options: { every: number; factor?: number }): LearningRateSchedule {
  assertKnownOptions('stepDecay', 'options', options, ['every', 'factor']);
  if (options === undefined) throw new ArgumentError('stepDecay', 'expected options { every, factor? }');
  const { every, factor = 0.1 } = options;
  assertPositiveInteger('stepDecay', 'every', every);
  assertInRange('stepDecay', 'factor', factor, { min: 0, max: 1, minExclusive: true });
  return ({ epoch, initialLearningRate }) => initialLearningRate * factor ** Math.floor(epoch / every);
}

/**
 * Exponential decay per epoch, smooth over steps: lr = lr0 * rate^(step / stepsPerEpoch).
 * @example fit(model, data, { loss, learningRate: exponentialDecay({ rate: 0.9 }) });
 * In plain words: shrink the step a little after every batch.
 */
export function exponentialDecay(options: { rate: number }): LearningRateSchedule {
  assertKnownOptions('exponentialDecay', 'options', options, ['rate']);
  if (options === undefined) throw new ArgumentError('exponentialDecay', 'expected options { rate }');
  assertInRange('exponentialDecay', 'rate', options.rate, { min: 0, max: 1, minExclusive: true });
  return ({ step, stepsPerEpoch, initialLearningRate }) => initialLearningRate * options.rate ** (step / stepsPerEpoch);
}

/**
 * Cosine decay with optional linear warm-up: lr = min + (lr0 - min) (1 + cos(pi p)) / 2 with
 * p = (step - warmup) / (totalSteps - warmup); during warm-up lr = lr0 (step + 1) / warmup.
 * Defaults: minimum 0, warmupSteps 0.
 * @example fit(model, data, { loss, epochs: 20, learningRate: cosineDecay() });
 * In plain words: start with big strides, then slow down smoothly like a runner nearing the finish line.
 */
export function cosineDecay(options: { minimum?: number; warmupSteps?: number } = {}): LearningRateSchedule {
  assertKnownOptions('cosineDecay', 'options', options, ['minimum', 'warmupSteps']);
  const { minimum = 0, warmupSteps = 0 } = options;
  assertNonNegative('cosineDecay', 'minimum', minimum);
  assertNonNegative('cosineDecay', 'warmupSteps', warmupSteps);
  return ({ step, totalSteps, initialLearningRate }) => {
    if (step < warmupSteps) return (initialLearningRate * (step + 1)) / warmupSteps;
    const span = Math.max(1, totalSteps - warmupSteps);
    const p = Math.min(1, (step - warmupSteps) / span);
    return minimum + ((initialLearningRate - minimum) * (1 + Math.cos(Math.PI * p))) / 2;
  };
}

/**
 * A fixed rate, whatever the optimiser was created with.
 * @example fit(model, data, { loss, learningRate: constantRate(0.05) });
 * In plain words: the same stride all the way.
 */
export function constantRate(rate: number): LearningRateSchedule {
  assertPositive('constantRate', 'rate', rate);
  return () => rate;
}

/**
 * Asks a schedule for the next learning rate and checks the answer every time, as constantRate
 * checks its rate once: a finite number > 0. A NaN, 0, negative or infinite rate would otherwise
 * turn every weight NaN or freeze training without a word.
 *
 * @example const rate = readLearningRate('fit', cosineDecay(), context);
 * In plain words: a step size must be a real, positive number, every single time.
 */
export function readLearningRate(fn: string, schedule: LearningRateSchedule, context: ScheduleContext): number {
  const rate: unknown = schedule(context);
  if (typeof rate === 'number' && Number.isFinite(rate) && rate > 0) return rate;
  throw new ArgumentError(
    fn,
    `expected the learningRate schedule to return a finite number > 0, got ${String(rate)} ` +
      `at epoch ${context.epoch + 1}, step ${context.step + 1} (1-based)`,
  );
}
