// The `mnist` package (1.1.0) ships no types: the part the examples use.
declare module 'mnist' {
  interface Digit {
    id: number;
    /** Number of stored samples of this digit. */
    length: number;
    /** Sample `which` as 784 greyscale values in [0, 1] (28 x 28, row-major). */
    get(which: number): number[];
    range(start: number, end: number): number[][];
  }
  const digits: Digit[];
  export default digits;
}
