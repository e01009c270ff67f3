import * as tf from '@tensorflow/tfjs-core';
import type { BenchCase } from '../harness/bench-case.js';
import { seededNormal } from '../harness/seeded-tensors.js';
import { exportForOrt, type ExportableModel } from './export-for-ort.js';
import { loadOrtRuntime, type OrtFlavour, ortPackage, ortWasmThreads } from './ort-runtime.js';
import { OrtUnavailableError } from './ort-unavailable-error.js';

/** An inference workload shared by the stock, ours and ORT rows (same compareKey). */
export interface InferenceSpec {
  /** Case name in ids, e.g. `mnist-mlp`. */
  name: string;
  /** Table title, e.g. `MNIST MLP 784-256-128-10 b64 inference`. */
  title: string;
  /** Input shape, batch first. */
  inputShape: number[];
  /** Seed of the seeded normal input (the same for every implementation). */
  inputSeed: number;
  params: BenchCase['params'];
  /** The baihua model with seeded weights: what 'ours' runs, and what ORT runs once exported. */
  buildOurs(): Promise<ExportableModel>;
}

/** Largest |ORT - ours| accepted on the cpu backend before the row refuses to time a different model. */
export const ortParityTolerance = 1e-4;

/**
 * A peer row: the 'ours' model of `spec`, exported with @baihua/onnx's exportOnnx, run by
 * onnxruntime-node (native CPU) or onnxruntime-web's wasm build in Node, on the same seeded input.
 * ONNX Runtime uses none of tfjs's backends, so the row is timed once, in the cpu column, and the
 * other backends list it as skipped. Setup checks ORT's output against ours on cpu (metric
 * `maxDiffVsOurs`; above {@link ortParityTolerance} it is an error, not a timing); where the
 * runtime or the exporter cannot load, the row is skipped with the reason.
 *
 * @example ortInferenceCase('ort-node', mlpSpec) // models/mnist-mlp-inference/ort-node
 *
 * In plain words: how far we are from what a user could pick instead.
 */
export function ortInferenceCase(flavour: OrtFlavour, spec: InferenceSpec): BenchCase {
  const elsewhere = 'ONNX Runtime uses no tfjs backend: timed once, in the cpu column';
  return {
    id: `models/${spec.name}-inference/${flavour}`,
    suite: 'models',
    title: `${spec.title} [${ortPackage[flavour]}]`,
    implementation: flavour,
    compareKey: `inference/${spec.name}`,
    params: {
      ...spec.params,
      via: `${ortPackage[flavour]} ${flavour === 'ort-wasm' ? `wasm, ${ortWasmThreads} thread` : 'cpu'}`,
    },
    skip: { wasm: elsewhere, webgpu: elsewhere, webgl: elsewhere },
    async setup(context) {
      if (context.backend !== 'cpu') throw new OrtUnavailableError(elsewhere);
      const runtime = await loadOrtRuntime(flavour);
      if (typeof runtime === 'string') throw new OrtUnavailableError(runtime);
      const model = await spec.buildOurs();
      const x = seededNormal(spec.inputShape, spec.inputSeed);
      const input = (await x.data()) as Float32Array;
      let session: Awaited<ReturnType<typeof runtime.createSession>> | undefined;
      try {
        const core = await import('@baihua/core');
        const ours = core.predict(model, x);
        const expected = (await ours.data()) as Float32Array;
        ours.dispose();
        const bytes = await exportForOrt(model, spec.inputShape);
        session = await runtime.createSession(bytes);
        const first = await session.run(input, spec.inputShape);
        let maxDiff = 0;
        for (let i = 0; i < expected.length; i++)
          maxDiff = Math.max(maxDiff, Math.abs((first.data[i] as number) - (expected[i] as number)));
        if (first.data.length !== expected.length || !(maxDiff <= ortParityTolerance))
          throw new Error(
            `${ortPackage[flavour]}: expected the exported model to match ours within ${ortParityTolerance}, ` +
              `got max |diff| ${maxDiff} over ${first.data.length} values (ours: ${expected.length})`,
          );
        const active = session;
        return {
          run: async () => {
            const { data, dims } = await active.run(input, spec.inputShape);
            return tf.tensor(data, dims, 'float32');
          },
          metrics: () => ({ maxDiffVsOurs: maxDiff }),
          dispose: () => {
            void active.release();
          },
        };
      } catch (error) {
        await session?.release();
        throw error;
      } finally {
        x.dispose();
        model.dispose();
      }
    },
  };
}
