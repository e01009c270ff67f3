import { BaihuaError, hasMarker } from './baihua-error.js';

const marker = Symbol.for('baihua.error.shape');

/**
 * A tensor had the wrong rank, shape or dtype.
 *
 * @example
 * throw new ShapeError('conv2d', 'expected input of rank 4, got rank 3 (shape [28,28,1])');
 */
export class ShapeError extends BaihuaError {
  private readonly [marker] = true;
  readonly functionName: string;

  constructor(functionName: string, detail: string) {
    super(`${functionName}: ${detail}`);
    this.name = 'ShapeError';
    this.functionName = functionName;
  }

  static override isInstance(error: unknown): error is ShapeError {
    return hasMarker(error, marker);
  }
}
