/**
 * Shrinks a rows x cols matrix (row-major) by averaging each block x block square (the last row and
 * column of blocks may be smaller): a ceil(rows / block) x ceil(cols / block) matrix, row-major. A
 * block holding a NaN or infinite value is NaN, so a bad value never hides in a mean. block 1
 * returns the values as they are.
 *
 * @example
 * blockMeans([1, 2, 3, 4], 2, 2, 2); // [2.5]
 * blockMeans([1, NaN, 3, 4], 2, 2, 2); // [NaN]
 *
 * In plain words: a big matrix made small enough to paint, without losing its bad values.
 */
export function blockMeans(values: readonly number[], rows: number, cols: number, block: number): number[] {
  if (block === 1) return [...values];
  const [outRows, outCols] = [Math.ceil(rows / block), Math.ceil(cols / block)];
  const sums = new Float64Array(outRows * outCols);
  const counts = new Float64Array(outRows * outCols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const k = Math.floor(r / block) * outCols + Math.floor(c / block);
      sums[k] = (sums[k] as number) + (values[r * cols + c] as number);
      counts[k] = (counts[k] as number) + 1;
    }
  }
  return Array.from(sums, (sum, k) => {
    const mean = sum / (counts[k] as number);
    return Number.isFinite(mean) ? mean : Number.NaN;
  });
}
