import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describeEachBackend } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { computeFaceDescriptors, isSameFace, loadFaceRecognitionNet } from './index.js';

const side = 150 * 150 * 3;
const require = createRequire(import.meta.url);

/**
 * face-api's own result on its sample photo, from test/face-api-oracle.mjs run as a separate Node
 * process (its bundled tfjs must not share this process's tfjs engine): the 150x150 crops its
 * recognition net read (3 faces plus the first mirrored) and its descriptors of them.
 */
async function oracle() {
  const directory = mkdtempSync(join(tmpdir(), 'baihua-face-oracle-'));
  try {
    const file = join(directory, 'oracle.bin');
    const script = fileURLToPath(new URL('../../test/face-api-oracle.mjs', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [script, file]);
    const report = JSON.parse(stdout) as { faces: number; pipelineGap: number; ms: number };
    const values = new Float32Array(new Uint8Array(readFileSync(file)).buffer);
    const stride = side + 128;
    const crops = Array.from({ length: report.faces }, (_, f) => values.slice(f * stride, f * stride + side));
    const descriptors = Array.from({ length: report.faces }, (_, f) =>
      values.slice(f * stride + side, (f + 1) * stride),
    );
    return { crops, descriptors, report };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

let cached: ReturnType<typeof oracle> | undefined;

describeEachBackend('face recognition net: parity with face-api', (backend) => {
  test("descriptors equal face-api's within 1e-4 on its sample photo; same/different decisions agree", async () => {
    cached ??= oracle();
    const { crops, descriptors, report } = await cached;
    expect(crops.length).toBeGreaterThanOrEqual(4);
    // The rebuilt crop is the one face-api's pipeline read: its descriptor is the pipeline's.
    expect(report.pipelineGap).toBeLessThan(1e-6);
    const models = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
    const manifest = JSON.parse(readFileSync(join(models, 'face_recognition_model-weights_manifest.json'), 'utf8'));
    const readShard = (path: string) => new Uint8Array(readFileSync(join(models, path)));
    const net = await loadFaceRecognitionNet(manifest, readShard);
    const count = backend === 'webgpu' ? 1 : crops.length;
    const joined = new Float32Array(count * side);
    crops.slice(0, count).forEach((crop, i) => joined.set(crop, i * side));
    const before = tf.memory().numTensors;
    try {
      const images = tf.tensor4d(joined, [count, 150, 150, 3]);
      const started = performance.now();
      const result = computeFaceDescriptors(net, images);
      const ours = await result.data();
      const elapsed = performance.now() - started;
      tf.dispose([images, result]);
      expect(tf.memory().numTensors).toBe(before);
      let maxDiff = 0;
      const mine: Float32Array[] = [];
      for (let f = 0; f < count; f++) {
        const row = ours.slice(f * 128, (f + 1) * 128) as Float32Array;
        mine.push(row);
        row.forEach((v, i) => {
          maxDiff = Math.max(maxDiff, Math.abs(v - (descriptors[f]?.[i] ?? Number.NaN)));
        });
      }
      console.log(
        `[${backend}] descriptor parity with face-api: max |diff| ${maxDiff.toExponential(2)} over ${count} faces ` +
          `(${elapsed.toFixed(0)} ms)`,
      );
      expect(maxDiff).toBeLessThan(1e-4);
      for (let a = 0; a < count; a++)
        for (let b = a + 1; b < count; b++) {
          const theirs = isSameFace(descriptors[a] as Float32Array, descriptors[b] as Float32Array);
          expect(isSameFace(mine[a] as Float32Array, mine[b] as Float32Array).same).toBe(theirs.same);
        }
      if (count === crops.length) {
        // The mirrored first face is the same person; the photo's other faces are not.
        const last = count - 1;
        expect(isSameFace(mine[0] as Float32Array, mine[last] as Float32Array).same).toBe(true);
        expect(isSameFace(mine[0] as Float32Array, mine[1] as Float32Array).same).toBe(false);
      }
    } finally {
      net.dispose();
    }
  }, 300_000);
});
