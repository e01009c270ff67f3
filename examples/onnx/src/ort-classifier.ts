import type * as Ort from 'onnxruntime-node';

/** A classifier in onnxruntime-node: one float32 input of shape [batch, ...exampleShape], logits out. */
export interface OrtClassifier {
  /** Shape of one example, e.g. [32, 32, 1]. */
  readonly exampleShape: number[];
  /** Values per example (the product of exampleShape). */
  readonly exampleSize: number;
  /** Logits for each example, in order; the examples run as one batch. */
  run(examples: Float32Array[]): Promise<Float32Array[]>;
  release(): Promise<void>;
}

/**
 * Opens an ONNX model (bytes or a file path) in onnxruntime-node's CPU execution provider. The
 * model must have one input of shape [batch, ...exampleShape] with a dynamic or matching batch
 * dimension, and its first output is read as logits [batch, classes].
 *
 * @example
 * const model = await openOrtClassifier(bytes, [32, 32, 1]);
 * const [logits] = await model.run([digit]);
 *
 * In plain words: the exported file, ready to answer in ONNX Runtime.
 */
export async function openOrtClassifier(model: Uint8Array | string, exampleShape: number[]): Promise<OrtClassifier> {
  // Loaded here, not at the top: the batcher and server (and their tests) work without the runtime.
  const ort = await import('onnxruntime-node');
  const session =
    typeof model === 'string' ? await ort.InferenceSession.create(model) : await ort.InferenceSession.create(model);
  const [inputName] = session.inputNames;
  const [outputName] = session.outputNames;
  if (session.inputNames.length !== 1 || inputName === undefined || outputName === undefined) {
    await session.release();
    throw new Error(
      `openOrtClassifier: expected a model with one input and an output, got inputs ` +
        `[${session.inputNames.join(', ')}] and outputs [${session.outputNames.join(', ')}]`,
    );
  }
  const exampleSize = exampleShape.reduce((a, b) => a * b, 1);
  return {
    exampleShape,
    exampleSize,
    async run(examples) {
      const data = new Float32Array(examples.length * exampleSize);
      examples.forEach((example, i) => data.set(example, i * exampleSize));
      const input = new ort.Tensor('float32', data, [examples.length, ...exampleShape]);
      const outputs = await session.run({ [inputName]: input });
      const logits = outputs[outputName] as Ort.Tensor;
      const values = logits.data as Float32Array;
      const classes = values.length / examples.length;
      return examples.map((_, i) => values.slice(i * classes, (i + 1) * classes));
    },
    release: () => session.release(),
  };
}

/** Index of the largest value (the first on ties): the predicted class. */
export function argMax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) > (values[best] as number)) best = i;
  return best;
}
