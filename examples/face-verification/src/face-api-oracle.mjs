// face-api itself, run as its own Node process by descriptor-parity.ts:
//   node face-api-oracle.mjs <cpu|wasm> <out.bin> <photo.rgb>:<width>x<height> ...
// (the same approach as packages/apps/test/face-api-oracle.mjs, for several photos). Its bundled tfjs
// must not share the caller's tfjs engine and kernel registry (globals), and face-api 1.7's Node
// builds need @tensorflow/tfjs-node: this loads its self-contained ESM browser bundle, with
// `process.versions.node` hidden during the import (the bundle would load Node's stubbed `util`).
// Photos come as raw RGB bytes (the caller decodes the JPEGs). For each photo: SSD MobileNet v1,
// 68 landmarks, dlib alignment, descriptors; for each face the 150x150x3 crop its recognition net
// read (rebuilt with extractFaceTensors and toBatchTensor) and its descriptor, written to <out.bin>
// as float32, face after face. Prints JSON { faces: [per photo], pipelineGap, ms }: pipelineGap is
// how far face-api's descriptor of each photo's first rebuilt crop is from its pipeline's.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { TextDecoder, TextEncoder } from 'node:util';

const started = performance.now();
const require = createRequire(import.meta.url);
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
  fetch: async (url, init) =>
    url.startsWith('/')
      ? new Response(readFileSync(url), { headers: { 'content-type': 'application/wasm' } })
      : fetch(url, init),
  now: () => performance.now(),
  encode: (text) => encoder.encode(text),
  decode: (bytes, encoding) => new TextDecoder(encoding).decode(bytes),
  isTypedArray: (a) => ArrayBuffer.isView(a) && !(a instanceof DataView),
});
faceapi.env.initialize();
const [backend, out, ...photos] = process.argv.slice(2);
if (backend === 'wasm') {
  // Its bundled wasm backend, given tfjs-backend-wasm 4.22's binaries (the same version) through the
  // platform's fetch, single-threaded (no Worker), initialised with Node hidden again (emscripten would
  // take the Node path, which the bundle lacks). Node's fetch is started first: it reads the version.
  tf.setWasmPaths(`${join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')}/`, true);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  new Response(new Uint8Array(0));
  Object.defineProperty(process, 'versions', { value: { ...process.versions, node: undefined }, configurable: true });
}
try {
  if (!(await tf.setBackend(backend))) throw new Error(`face-api oracle: the ${backend} backend did not start`);
} finally {
  Object.defineProperty(process, 'versions', versions);
}
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

const chunks = [];
const faces = [];
let pipelineGap = 0;
for (const photo of photos) {
  const [, file, width, height] = /^(.*):(\d+)x(\d+)$/.exec(photo);
  const image = tf.tensor3d(new Int32Array(readFileSync(file)), [Number(height), Number(width), 3], 'int32');
  const options = new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 });
  const found = await faceapi.detectAllFaces(image, options).withFaceLandmarks().withFaceDescriptors();
  const rects = found.map((face) => face.landmarks.align(null, { useDlibAlignment: true }));
  const crops = await faceapi.extractFaceTensors(image, rects);
  for (const [f, face] of crops.entries()) {
    const batch = (await faceapi.toNetInput(face)).toBatchTensor(150, true);
    const crop = await batch.data();
    if (f === 0) {
      const x = tf.tensor3d(crop, [150, 150, 3]);
      const again = await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(x);
      x.dispose();
      again.forEach((v, i) => {
        pipelineGap = Math.max(pipelineGap, Math.abs(v - found[0].descriptor[i]));
      });
    }
    chunks.push(crop, found[f].descriptor);
    batch.dispose();
  }
  tf.dispose([image, ...crops]);
  faces.push(found.length);
}
const values = new Float32Array(chunks.reduce((n, c) => n + c.length, 0));
chunks.reduce((offset, c) => {
  values.set(c, offset);
  return offset + c.length;
}, 0);
writeFileSync(out, new Uint8Array(values.buffer));
console.log(JSON.stringify({ faces, pipelineGap, ms: Math.round(performance.now() - started) }));
