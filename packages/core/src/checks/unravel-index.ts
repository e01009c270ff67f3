/**
 * The position [i0, i1, ...] of a flat (row-major) index in a tensor of `shape`, for error messages
 * that point at one element: `unravelIndex(5, [2, 3])` is [1, 2].
 */
export function unravelIndex(flat: number, shape: readonly number[]): number[] {
  const position = new Array<number>(shape.length).fill(0);
  let rest = flat;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const size = shape[axis] as number;
    position[axis] = rest % size;
    rest = Math.floor(rest / size);
  }
  return position;
}
