// Test-only oracle for @baihua/apps/face, run as its own Node process (`node face-api-oracle.mjs <out>`)
// so face-api's bundled tfjs never shares the test's tfjs engine and kernel registry (tfjs keeps both
// in globals). face-api 1.7's Node builds need @tensorflow/tfjs or tfjs-node (not installed here), so
// this loads its self-contained ESM browser bundle (its own tfjs 4.22): that bundle reads
// `process.versions.node` as a sign to load Node's `util`, which is stubbed out in it, and fails; the
// import runs with the field hidden, then the bundle gets a small Node platform and face-api its
// Node environment. On face-api's sample1.jpg (jpeg-js decodes it): SSD MobileNet v1 detector, 68
// landmarks, dlib alignment, descriptors. Writes `<out>` as float32: for each face the 150x150x3
// crop its recognition net read (rebuilt with its extractFaceTensors and toBatchTensor) then its
// descriptor (128), plus the first crop mirrored as a last face; prints JSON { faces, pipelineGap, ms }.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { TextDecoder, TextEncoder } from 'node:util';

const started = performance.now();
const require = createRequire(import.meta.url);
const jpeg = require('jpeg-js');
const faceApiDir = dirname(require.resolve('@vladmandic/face-api/package.json'));
const versions = Object.getOwnPropertyDescriptor(process, 'versions');
Object.defineProperty(process, 'versions', { value: { ...process.versions, node: undefined }, configurable: true });
let faceapi;
try {
  faceapi = await import(join(faceApiDir, 'dist/face-api.esm.js'));
} finally {
  Object.defineProperty(process, 'versions', versions);
}
const { tf } = faceapi;
const encoder = new TextEncoder();
tf.env().setPlatform('node', {
  fetch: (url, init) => fetch(url, init),
  now: () => performance.now(),
  encode: (text) => encoder.encode(text),
  decode: (bytes, encoding) => new TextDecoder(encoding).decode(bytes),
  isTypedArray: (a) => ArrayBuffer.isView(a) && !(a instanceof DataView),
});
faceapi.env.initialize();
if (!(await tf.setBackend('cpu'))) throw new Error('face-api oracle: the cpu backend did not start');
// loadFromDisk needs `require('fs')`, which the ESM bundle cannot do: decode the weights here.
for (const [net, file] of [
  ['ssdMobilenetv1', 'ssd_mobilenetv1_model'],
  ['faceLandmark68Net', 'face_landmark_68_model'],
  ['faceRecognitionNet', 'face_recognition_model'],
]) {
  const manifest = JSON.parse(readFileSync(join(faceApiDir, 'model', `${file}-weights_manifest.json`), 'utf8'));
  const shards = manifest.flatMap((group) => group.paths.map((path) => readFileSync(join(faceApiDir, 'model', path))));
  const bytes = new Uint8Array(Buffer.concat(shards));
  const map = tf.io.decodeWeights(
    bytes.buffer,
    manifest.flatMap((group) => group.weights),
  );
  await faceapi.nets[net].loadFromWeightMap(map);
}

const decoded = jpeg.decode(readFileSync(join(faceApiDir, 'demo/sample1.jpg')), { useTArray: true });
const rgb = new Int32Array(decoded.width * decoded.height * 3);
for (let i = 0; i < decoded.width * decoded.height; i++)
  for (let c = 0; c < 3; c++) rgb[3 * i + c] = decoded.data[4 * i + c];
const image = tf.tensor3d(rgb, [decoded.height, decoded.width, 3], 'int32');
const options = new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 });
const found = await faceapi.detectAllFaces(image, options).withFaceLandmarks().withFaceDescriptors();
const rects = found.map((face) => face.landmarks.align(null, { useDlibAlignment: true }));
const faces = await faceapi.extractFaceTensors(image, rects);
const crops = [];
for (const face of faces) {
  const batch = (await faceapi.toNetInput(face)).toBatchTensor(150, true);
  crops.push(await batch.data());
  batch.dispose();
}
tf.dispose([image, ...faces]);
const descriptors = found.map((face) => face.descriptor);

async function describe(crop, mirror) {
  const x = tf.tidy(() =>
    mirror ? tf.reverse(tf.tensor3d(crop, [150, 150, 3]), 1) : tf.tensor3d(crop, [150, 150, 3]),
  );
  const data = await x.data();
  const descriptor = await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(x);
  x.dispose();
  return { data, descriptor };
}
// The rebuilt crop is the one the pipeline read: the same descriptor.
const first = await describe(crops[0], false);
const pipelineGap = Math.max(...first.descriptor.map((v, i) => Math.abs(v - descriptors[0][i])));
const mirrored = await describe(crops[0], true);
crops.push(mirrored.data);
descriptors.push(mirrored.descriptor);

const out = new Float32Array(crops.length * (150 * 150 * 3 + 128));
crops.forEach((crop, f) => {
  out.set(crop, f * (150 * 150 * 3 + 128));
  out.set(descriptors[f], f * (150 * 150 * 3 + 128) + 150 * 150 * 3);
});
writeFileSync(process.argv[2], new Uint8Array(out.buffer));
console.log(JSON.stringify({ faces: crops.length, pipelineGap, ms: Math.round(performance.now() - started) }));
