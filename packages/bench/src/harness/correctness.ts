import type { Tolerance } from './bench-case.js';

/** A result as it arrived on the host. */
export interface HostTensor {
  shape: number[];
  data: Float32Array | Int32Array | Uint8Array;
}

/** Outcome of comparing one backend's results with the reference backend's (cpu unless `--reference`). */
export interface CorrectnessCheck {
  ok: boolean;
  reference: string;
  /** Largest |actual - expected| over all outputs. */
  maxAbsError: number;
  /** What was allowed: atol + rtol * max|expected|, for the worst output. */
  allowedError: number;
  /** Where it went wrong, when it did. */
  detail?: string;
}

/** The default tolerance for float32 work compared across backends. */
export const defaultTolerance: Tolerance = { rtol: 1e-3, atol: 1e-4 };

/**
 * Compares results element by element: output i passes when
 * max|a - e| <= atol + rtol * max|e| (NaN anywhere fails; shapes must match).
 *
 * @example compareWithReference([{ shape: [2], data: new Float32Array([1, 2]) }], reference)
 *
 * In plain words: a fast answer only counts if it is the same answer the reference (cpu) gives.
 */
export function compareWithReference(
  actual: HostTensor[],
  expected: HostTensor[],
  tolerance: Tolerance = defaultTolerance,
  referenceBackend = 'cpu',
): CorrectnessCheck {
  if (actual.length !== expected.length) {
    return {
      ok: false,
      reference: referenceBackend,
      maxAbsError: Number.POSITIVE_INFINITY,
      allowedError: 0,
      detail: `expected ${expected.length} outputs, got ${actual.length}`,
    };
  }
  let maxAbsError = 0;
  let allowedError = 0;
  let failure: string | undefined;
  actual.forEach((output, index) => {
    const reference = expected[index] as HostTensor;
    if (output.shape.join(',') !== reference.shape.join(',')) {
      failure ??= `output ${index}: expected shape [${reference.shape.join(',')}], got [${output.shape.join(',')}]`;
      maxAbsError = Number.POSITIVE_INFINITY;
      return;
    }
    let scale = 0;
    for (const value of reference.data) scale = Math.max(scale, Math.abs(value));
    const allowed = tolerance.atol + tolerance.rtol * scale;
    let worst = 0;
    let worstIndex = -1;
    for (let i = 0; i < reference.data.length; i += 1) {
      const difference = Math.abs((output.data[i] as number) - (reference.data[i] as number));
      const error = Number.isNaN(difference) ? Number.POSITIVE_INFINITY : difference;
      if (error > worst) {
        worst = error;
        worstIndex = i;
      }
    }
    if (worst > maxAbsError || index === 0) allowedError = allowed;
    maxAbsError = Math.max(maxAbsError, worst);
    if (worst > allowed) {
      failure ??=
        `output ${index}: element ${worstIndex} is ${output.data[worstIndex]}, ` +
        `${referenceBackend} gives ${reference.data[worstIndex]} ` +
        `(|diff| ${worst.toPrecision(3)} > allowed ${allowed.toPrecision(3)})`;
    }
  });
  return {
    ok: failure === undefined,
    reference: referenceBackend,
    maxAbsError,
    allowedError,
    ...(failure ? { detail: failure } : {}),
  };
}
