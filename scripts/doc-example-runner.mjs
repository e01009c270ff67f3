// Runs one documentation block (already compiled to JavaScript) in this fresh Node.js process, as a
// user who copied it would, then checks that it left nothing behind. Started by scripts/doc-examples.ts:
//   node scripts/doc-example-runner.mjs <block.mjs>
// The block's own tensors are those it makes at its top level; they are freed by ending a tfjs scope
// around it, and the variables it made (weights, optimiser state) are disposed. Any tensor still
// alive after that was kept by something (tf.keep, a cache) and is reported as a leak.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const blockFile = process.argv[2];
if (!blockFile) {
  process.stderr.write('usage: node scripts/doc-example-runner.mjs <block.mjs>\n');
  process.exit(2);
}
// The block's tfjs-core: the one its own imports resolve to, so the engine is the same.
const tf = await import(pathToFileURL(createRequire(blockFile).resolve('@tensorflow/tfjs-core')).href);
const engine = tf.engine();
const variablesBefore = new Set(Object.keys(engine.state.registeredVariables));
const tensorsBefore = engine.state.numTensors;

engine.startScope();
try {
  await import(pathToFileURL(blockFile).href);
} finally {
  engine.endScope();
}
for (const [name, variable] of Object.entries(engine.state.registeredVariables)) {
  if (!variablesBefore.has(name)) variable.dispose();
}
const left = engine.state.numTensors - tensorsBefore;
if (left !== 0) {
  process.stderr.write(`doc example leaked ${left} tensor(s): still alive after its scope and variables were freed\n`);
  process.exit(1);
}
// Explicitly: Dawn (webgpu in Node) keeps the event loop alive after the block is done.
process.exit(0);
