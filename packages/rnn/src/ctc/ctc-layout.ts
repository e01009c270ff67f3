import { ArgumentError, ShapeError, describeShape } from '@baihua/core';

/** N, T, C of the decoders' input and the checked lengths (every sequence's T_n). */
export interface CtcLayout {
  batch: number;
  frames: number;
  classes: number;
  lengths: number[];
}

/**
 * Reads N, T and C off `shape` ([N, T, C], or [T, N, C] with timeMajor) and checks inputLengths
 * (default: T for every sequence). A count or length that fits only the other layout gets an error
 * that names the layout and suggests flipping timeMajor, the way ctcLoss of @baihua/losses does.
 */
export function checkCtcLengths(
  functionName: string,
  shape: readonly number[],
  timeMajor: boolean,
  options: { inputLengths?: readonly number[] },
): CtcLayout {
  const [first, second, classes] = shape as [number, number, number];
  const [batch, frames] = timeMajor ? [second, first] : [first, second];
  const given = options.inputLengths;
  if (given === undefined) return { batch, frames, classes, lengths: new Array<number>(batch).fill(frames) };
  if (!Array.isArray(given))
    throw new ArgumentError(
      functionName,
      `expected inputLengths to be an array of ${batch} integers, got ${typeof given}`,
    );
  const order = timeMajor ? '[T, N, C]' : '[N, T, C]';
  const layout = `logits ${describeShape(shape)} read as ${order} with timeMajor: ${timeMajor}`;
  // The other layout reads N = T and T = N: suggest it when the lengths fit it and not this one.
  const otherFits =
    first !== second && given.length === frames && given.every((length) => Number.isInteger(length) && length <= batch);
  const hint = otherFits ? `; did you mean timeMajor: ${!timeMajor}?` : '';
  if (given.length !== batch)
    throw new ShapeError(
      functionName,
      `expected inputLengths of length ${batch} (one per sequence, N of ${layout}), got length ${given.length}${hint}`,
    );
  given.forEach((length, n) => {
    if (!Number.isInteger(length) || length < 0 || length > frames)
      throw new ArgumentError(
        functionName,
        `expected inputLengths[${n}] to be an integer in [0, ${frames}] (T of ${layout}), got ${length}${hint}`,
      );
  });
  return { batch, frames, classes, lengths: [...given] };
}
