const marker = Symbol.for('baihua.error');

/**
 * Base class of every error baihua throws.
 *
 * Messages read `where: what was expected, what was received`, e.g.
 * `conv2d: expected input of rank 4, got rank 3 (shape [28,28,1])`.
 *
 * `instanceof` fails when two copies of a package are installed side by side (each has its own
 * class); `BaihuaError.isInstance(e)` checks a `Symbol.for` marker instead, which every copy shares.
 *
 * In plain words: every baihua error says which function complained and why.
 */
export class BaihuaError extends Error {
  private readonly [marker] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BaihuaError';
  }

  /** True for any baihua error, from any installed copy of any baihua package. */
  static isInstance(error: unknown): error is BaihuaError {
    return hasMarker(error, marker);
  }
}

/** Checks a `Symbol.for` marker on an object, so error classes survive duplicated installs. */
export function hasMarker(value: unknown, symbol: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[symbol] === true;
}
