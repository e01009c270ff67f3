import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

// tfjs-core's Node bundle registers no chained tensor methods (x.reshape is "not a function"), and
// dataSync/arraySync fail on webgpu in Node. Library code therefore uses only functional forms
// (tf.reshape(x, ...)) and async reads. This scans every package's non-test source for the calls
// that would break, so a slip is caught on CPU-only machines too.
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const tensorOnlyMethods = [
  'reshape',
  'matMul',
  'square',
  'sqrt',
  'expandDims',
  'squeeze',
  'dataSync',
  'arraySync',
  'asScalar',
  'as1D',
  'as2D',
  'as3D',
  'as4D',
  'asType',
  'transpose',
  'mul',
  'sub',
  'div',
  'neg',
  'mean',
  'sum',
  'tile',
  'cast',
  'squaredDifference',
  'oneHot',
  'argMax',
];
// Names such as relu or conv2d are left out: our packages export functions of those names, so
// `cnn.conv2d(...)` is a namespace call, not a chained one.
const namespaces = new Set(['tf', 'tfl', 'Math', 'derivatives', 'util', 'backend_util', 'fused']);
const call = new RegExp(`([A-Za-z_$][\\w$]*|\\)|\\])\\.(${tensorOnlyMethods.join('|')})\\(`, 'g');

function isChainedCall(line: string): boolean {
  if (/^\s*(\/\/|\*|\/\*)/.test(line) || line.includes('functional-ops-ok')) return false;
  return [...line.matchAll(call)].some((match) => !namespaces.has(match[1] as string));
}

test('the scan flags chained calls and sync reads, and passes functional forms', () => {
  expect(isChainedCall('const y = x.reshape([2, 2]);')).toBe(true);
  expect(isChainedCall('const v = t.dataSync();')).toBe(true);
  expect(isChainedCall('return tf.sum(a).mul(b);')).toBe(true);
  expect(isChainedCall('const y = tf.reshape(x, [2, 2]);')).toBe(false);
  expect(isChainedCall('const m = Math.sqrt(2);')).toBe(false);
  expect(isChainedCall('const y = tf.fused.matMul({ a, b });')).toBe(false);
  expect(isChainedCall('// x.reshape is not registered')).toBe(false);
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test(-d)?\.ts$/.test(name) ? [path] : [];
  });
}

test('library code calls no chained tensor methods and no synchronous reads', () => {
  const offenders: string[] = [];
  for (const area of ['packages', 'examples']) {
    for (const pkg of readdirSync(join(repoRoot, area))) {
      const src = join(repoRoot, area, pkg, 'src');
      if (!statSync(join(repoRoot, area, pkg)).isDirectory()) continue;
      let files: string[] = [];
      try {
        files = sourceFiles(src);
      } catch {
        continue;
      }
      for (const file of files) {
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (isChainedCall(line)) offenders.push(`${relative(repoRoot, file)}:${i + 1}: ${line.trim()}`);
          });
      }
    }
  }
  expect(offenders).toEqual([]);
});
