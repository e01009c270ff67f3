/**
 * Transposes a row-major array of shape `dims` on the host (out.shape[i] = dims[perm[i]]), so that
 * export never runs a tensor op on the model's backend (webgpu in Node cannot read ops' results
 * synchronously; weights read once are cached on the host).
 */
export function hostTranspose(
  values: Float32Array,
  dims: readonly number[],
  perm: readonly number[],
): { dims: number[]; values: Float32Array } {
  const outDims = perm.map((p) => dims[p] as number);
  const rank = dims.length;
  const inStrides = new Array<number>(rank).fill(1);
  for (let i = rank - 2; i >= 0; i--) inStrides[i] = (inStrides[i + 1] as number) * (dims[i + 1] as number);
  const strides = perm.map((p) => inStrides[p] as number);
  const out = new Float32Array(values.length);
  const index = new Array<number>(rank).fill(0);
  for (let o = 0; o < out.length; o++) {
    let source = 0;
    for (let i = 0; i < rank; i++) source += (index[i] as number) * (strides[i] as number);
    out[o] = values[source] as number;
    for (let i = rank - 1; i >= 0; i--) {
      index[i] = (index[i] as number) + 1;
      if ((index[i] as number) < (outDims[i] as number)) break;
      index[i] = 0;
    }
  }
  return { dims: outDims, values: out };
}
