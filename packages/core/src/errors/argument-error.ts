import { BaihuaError, hasMarker } from './baihua-error.js';

const marker = Symbol.for('baihua.error.argument');

/**
 * An argument other than a tensor's shape was invalid: a negative margin, a stride of 0, a label
 * out of range, an unknown option value.
 *
 * @example
 * throw new ArgumentError('focalLoss', 'expected gamma >= 0, got -1');
 */
export class ArgumentError extends BaihuaError {
  private readonly [marker] = true;
  readonly functionName: string;

  constructor(functionName: string, detail: string) {
    super(`${functionName}: ${detail}`);
    this.name = 'ArgumentError';
    this.functionName = functionName;
  }

  static override isInstance(error: unknown): error is ArgumentError {
    return hasMarker(error, marker);
  }
}
