import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { computeFaceDescriptors, isSameFace, loadFaceRecognitionNet } from '@baihua/apps/face';
import { decodeImage } from '@baihua/apps/style';
import * as tf from '@tensorflow/tfjs-core';

/** The face photos that ship in the `@vladmandic/face-api` npm package (demo/sample1.jpg ... sample6.jpg). */
export const facePhotos = ['sample1', 'sample2', 'sample3', 'sample4', 'sample5', 'sample6'] as const;

/** What {@link descriptorParity} measured. */
export interface DescriptorParity {
  /** Largest |ours - face-api's| over every component of every face's 128-d descriptor. */
  maxAbsDiff: number;
  /** Faces face-api found in the photos (each compared). */
  faces: number;
  /** Faces per photo, in the order of `photos`. */
  facesPerPhoto: number[];
  /** Face pairs whose same/different decision at face-api's 0.6 threshold agrees, of `facePairs`. */
  decisionsAgree: number;
  facePairs: number;
  /** face-api's own descriptor of its rebuilt crop vs its pipeline's (the crop is the one it read). */
  pipelineGap: number;
  /** Seconds: face-api's process (detection, landmarks, descriptors) and our descriptors. */
  faceApiSeconds: number;
  oursSeconds: number;
}

const side = 150 * 150 * 3;
const faceApiDir = () => dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json'));

/** face-api's result on some photos: the crops its recognition net read and its descriptors. */
export interface FaceApiDescriptors {
  /** [faces * 150 * 150 * 3] RGB in 0..255, crop after crop. */
  crops: Float32Array;
  descriptors: Float32Array[];
  facesPerPhoto: number[];
  pipelineGap: number;
  seconds: number;
}

/** Options of {@link faceApiDescriptors}. */
export interface FaceApiOptions {
  /** Which of face-api's sample photos. Default all six. */
  photos?: readonly string[];
  /** The backend of face-api's own bundled tfjs: 'wasm' (default, faster) or 'cpu' (plain JS). */
  backend?: 'wasm' | 'cpu';
}

/**
 * face-api itself on its sample photos: face-api-oracle.mjs in a child Node process (its own bundled
 * tfjs on its cpu or wasm backend), given the photos as raw RGB decoded here.
 *
 * @example
 * const theirs = await faceApiDescriptors({ photos: ['sample1'] }); // 3 faces
 *
 * In plain words: ask face-api which faces it sees and what numbers it gives them.
 */
export async function faceApiDescriptors(options: FaceApiOptions = {}): Promise<FaceApiDescriptors> {
  const { photos = facePhotos, backend = 'wasm' } = options;
  if (backend !== 'wasm' && backend !== 'cpu')
    throw new Error(`faceApiDescriptors: expected backend 'wasm' or 'cpu', got ${JSON.stringify(backend)}`);
  const unknown = photos.find((name) => !(facePhotos as readonly string[]).includes(name));
  if (photos.length === 0 || unknown !== undefined)
    throw new Error(
      `faceApiDescriptors: expected photos among ${facePhotos.join(', ')}, got ${JSON.stringify(unknown)}`,
    );
  const started = performance.now();
  const directory = mkdtempSync(join(tmpdir(), 'baihua-face-parity-'));
  try {
    return { ...(await runOracle(backend, photos, directory)), seconds: (performance.now() - started) / 1000 };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

async function runOracle(backend: string, photos: readonly string[], directory: string) {
  const args: string[] = [];
  for (const [k, name] of photos.entries()) {
    const image = decodeImage(readFileSync(join(faceApiDir(), 'demo', `${name}.jpg`)));
    const [height, width] = image.shape;
    const bytes = tf.tidy(() => tf.cast(tf.round(tf.mul(image, 255)), 'int32'));
    const file = join(directory, `photo-${k}.rgb`);
    try {
      writeFileSync(file, Uint8Array.from(await bytes.data()));
    } finally {
      tf.dispose([image, bytes]);
    }
    args.push(`${file}:${width}x${height}`);
  }
  const out = join(directory, 'oracle.bin');
  const script = fileURLToPath(new URL('./face-api-oracle.mjs', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, [script, backend, out, ...args]);
  const report = JSON.parse(stdout) as { faces: number[]; pipelineGap: number; ms: number };
  const values = new Float32Array(new Uint8Array(readFileSync(out)).buffer);
  const faces = report.faces.reduce((a, b) => a + b, 0);
  const crops = new Float32Array(faces * side);
  const descriptors: Float32Array[] = [];
  for (let f = 0; f < faces; f++) {
    crops.set(values.subarray(f * (side + 128), f * (side + 128) + side), f * side);
    descriptors.push(values.slice(f * (side + 128) + side, (f + 1) * (side + 128)));
  }
  return { crops, descriptors, facesPerPhoto: report.faces, pipelineGap: report.pipelineGap };
}

/**
 * Descriptor parity with face-api itself: face-api ({@link faceApiDescriptors}) detects, aligns and
 * describes every face in its sample photos; `computeFaceDescriptors` of @baihua/apps/face (face-api's
 * weights from its npm package, on the current tfjs backend) describes the same 150x150 crops. Gives
 * the largest component difference and how many face pairs get the same same/different decision at
 * face-api's 0.6 threshold. `theirs` may be passed to reuse one face-api run across backends.
 *
 * @example
 * const parity = await descriptorParity();
 * console.log(parityLine(parity)); // descriptor parity with face-api: max |diff| 0.00e+0 over 22 faces
 *
 * In plain words: our face reader gives the numbers face-api gives, face for face.
 */
export async function descriptorParity(
  theirs?: FaceApiDescriptors | Promise<FaceApiDescriptors>,
): Promise<DescriptorParity> {
  const reference = await (theirs ?? faceApiDescriptors());
  const models = join(faceApiDir(), 'model');
  const manifest = JSON.parse(readFileSync(join(models, 'face_recognition_model-weights_manifest.json'), 'utf8'));
  const net = await loadFaceRecognitionNet(manifest, (path) => readFileSync(join(models, path)));
  const faces = reference.descriptors.length;
  const ours: Float32Array[] = [];
  const started = performance.now();
  try {
    for (let f = 0; f < faces; f += 4) {
      const count = Math.min(4, faces - f);
      const images = tf.tensor4d(reference.crops.subarray(f * side, (f + count) * side), [count, 150, 150, 3]);
      const result = computeFaceDescriptors(net, images);
      try {
        const data = (await result.data()) as Float32Array;
        for (let k = 0; k < count; k++) ours.push(data.slice(k * 128, (k + 1) * 128));
      } finally {
        tf.dispose([images, result]);
      }
    }
  } finally {
    net.dispose();
  }
  const oursSeconds = (performance.now() - started) / 1000;
  let maxAbsDiff = 0;
  ours.forEach((row, f) =>
    row.forEach((v, i) => {
      maxAbsDiff = Math.max(maxAbsDiff, Math.abs(v - (reference.descriptors[f]?.[i] ?? Number.NaN)));
    }),
  );
  let decisionsAgree = 0;
  for (let a = 0; a < faces; a++)
    for (let b = a + 1; b < faces; b++) {
      const mine = isSameFace(ours[a] as Float32Array, ours[b] as Float32Array).same;
      const their = reference.descriptors;
      if (mine === isSameFace(their[a] as Float32Array, their[b] as Float32Array).same) decisionsAgree++;
    }
  const { facesPerPhoto, pipelineGap, seconds: faceApiSeconds } = reference;
  const facePairs = (faces * (faces - 1)) / 2;
  return { maxAbsDiff, faces, facesPerPhoto, decisionsAgree, facePairs, pipelineGap, faceApiSeconds, oursSeconds };
}

/**
 * The example's line: `descriptor parity with face-api: max |diff| <x> over <n> faces`.
 *
 * @example
 * parityLine(await descriptorParity()); // 'descriptor parity with face-api: max |diff| 2.98e-7 over 21 faces'
 *
 * In plain words: the parity result as the sentence the example prints.
 */
export function parityLine(parity: DescriptorParity): string {
  return `descriptor parity with face-api: max |diff| ${parity.maxAbsDiff.toExponential(2)} over ${parity.faces} faces`;
}
