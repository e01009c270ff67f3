/** A request body the server cannot use: answered with HTTP 400 and this message. */
export class BadRequestError extends Error {
  override name = 'BadRequestError';
}

/**
 * Reads a prediction request `{"pixels": [v0, v1, ...]}`: exactly `size` finite numbers
 * (row-major, the model's input layout). Throws BadRequestError saying what is wrong: not JSON,
 * no `pixels` array, the wrong length, or the first value that is not a finite number (JSON has no
 * NaN, but `1e999` parses as Infinity, and strings or nulls are not numbers).
 *
 * @example
 * parseDigitRequest('{"pixels":[0,0.5,1]}', 3); // Float32Array [0, 0.5, 1]
 * parseDigitRequest('{"pixels":[0,1]}', 3); // throws: expected 3 pixels, got 2
 *
 * In plain words: a malformed question gets a clear answer, not a model call.
 */
export function parseDigitRequest(body: string, size: number): Float32Array {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new BadRequestError(`expected a JSON body, got ${(error as Error).message}`);
  }
  const pixels =
    parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>).pixels
      : undefined;
  if (!Array.isArray(pixels)) throw new BadRequestError('expected an object {"pixels": [numbers]}');
  if (pixels.length !== size) throw new BadRequestError(`expected ${size} pixels, got ${pixels.length}`);
  const values = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const value = pixels[i];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      const shown = typeof value === 'number' ? String(value) : JSON.stringify(value);
      throw new BadRequestError(`expected finite numbers, got ${shown} at pixel ${i}`);
    }
    values[i] = value;
  }
  return values;
}
