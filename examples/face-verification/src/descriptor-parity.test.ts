import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { descriptorParity, faceApiDescriptors, parityLine } from './descriptor-parity.js';

// One face-api run (its own process and tfjs, on its wasm backend: about 10 s) serves every backend.
let theirs: ReturnType<typeof faceApiDescriptors> | undefined;

describeEachBackend(
  "examples/face-verification descriptor parity with face-api's own descriptors",
  (backend) => {
    test("sample1's 3 faces: within 1e-4 of face-api's descriptors, same/different decisions agree", async () => {
      theirs ??= faceApiDescriptors({ photos: ['sample1'] });
      await theirs; // its decoding tensors are gone before counting
      const parity = await expectNoLeakedTensors(() => descriptorParity(theirs));
      expect(parity.facesPerPhoto).toEqual([3]);
      expect(parity.faces).toBe(3);
      expect(parity.pipelineGap).toBeLessThan(1e-6); // the crops are the ones face-api's pipeline read
      expect(parity.maxAbsDiff).toBeLessThan(1e-4);
      expect([parity.decisionsAgree, parity.facePairs]).toEqual([3, 3]);
      // Three different people: face-api's descriptors are far apart, so the test is not vacuous.
      const [a, b] = (await theirs).descriptors as [Float32Array, Float32Array];
      expect(Math.hypot(...a.map((v, i) => v - (b[i] as number)))).toBeGreaterThan(0.6);
      console.log(`[${backend}] ${parityLine(parity)}`);
      expect(parityLine(parity)).toMatch(
        /^descriptor parity with face-api: max \|diff\| \d\.\d\de[+-]\d+ over 3 faces$/,
      );
    }, 180_000);
  },
  { backends: ['cpu', 'wasm'] },
);

test('faceApiDescriptors refuses a photo face-api does not ship and an unknown backend', async () => {
  await expect(faceApiDescriptors({ backend: 'webgl' as never })).rejects.toThrow(
    `faceApiDescriptors: expected backend 'wasm' or 'cpu', got "webgl"`,
  );
  await expect(faceApiDescriptors({ photos: ['sample9'] })).rejects.toThrow(
    'faceApiDescriptors: expected photos among sample1, sample2, sample3, sample4, sample5, sample6, got "sample9"',
  );
});
