import { ArgumentError } from '@baihua/core';
import type { CtcInfeasible } from './ctc-inputs.js';

/** What {@link checkTargetValues} needs besides the targets. */
export interface CtcTargetContext {
  inputLengths: readonly number[];
  targetLengths: readonly number[];
  numClasses: number;
  blank: number;
  onInfeasible: CtcInfeasible;
}

/**
 * Label values in range and not blank; with onInfeasible 'throw', S_n + repeats_n <= T_n for every
 * sequence (each repeated label needs a blank frame between its two copies).
 * Internal helper of ctcLoss and validateCtcInputs.
 */
export function checkTargetValues(
  functionName: string,
  targets: readonly (readonly number[])[],
  context: CtcTargetContext,
): void {
  const { inputLengths, targetLengths, numClasses, blank, onInfeasible } = context;
  targets.forEach((row, n) => {
    const length = targetLengths[n] as number;
    let repeats = 0;
    for (let i = 0; i < length; i++) {
      const label = row[i] as number;
      if (!Number.isInteger(label) || label < 0 || label >= numClasses || label === blank) {
        throw new ArgumentError(
          functionName,
          `expected targets[${n}][${i}] to be a class index in [0, ${numClasses - 1}] other than blank ${blank}, ` +
            `got ${label}`,
        );
      }
      if (i > 0 && label === row[i - 1]) repeats++;
    }
    const needed = length + repeats;
    if (onInfeasible === 'throw' && needed > (inputLengths[n] as number)) {
      throw new ArgumentError(
        functionName,
        `target ${n} needs at least ${needed} frames (${length} labels + ${repeats} repeats, ` +
          `each repeat needs a blank between), but inputLengths[${n}] is ${inputLengths[n]}; ` +
          `pass onInfeasible 'infinity' or 'zero' to allow it`,
      );
    }
  });
}
