import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { Adam, Dense, Sequential, createRandom, fit } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { distillationLoss, softmaxCrossEntropy } from '@baihua/losses';
import { distill } from './distill.js';
import { packedDistillationLoss } from './packed-targets.js';

// Synthetic 8x8 "images" (64 pixels in [0, 1]) and 4 classes; the teacher is a fixed two-layer net.
const rows = 24;
const classes = 4;
function syntheticData(seed: number) {
  const random = createRandom(seed);
  const pixels = Float32Array.from({ length: rows * 64 }, () => random.next());
  return tf.tensor2d(pixels, [rows, 64]);
}
function net(seed: number, hidden: number): Sequential {
  const layers = hidden > 0 ? [new Dense({ units: hidden, activation: 'relu' })] : [];
  return new Sequential({ seed, layers: [...layers, new Dense({ units: classes })] });
}
async function weightsOf(model: Sequential): Promise<number[]> {
  const values = await Promise.all(model.trainableWeights().map((w) => w.variable.data()));
  return values.flatMap((v) => Array.from(v));
}

describeEachBackend('distill', () => {
  test('the packed loss equals alpha CE + (1 - alpha) T^2 KL, computed by hand in plain numbers', async () => {
    const student = [
      [0.2, 1.5, -1, 0.3],
      [2, -0.5, 0.1, 0.9],
    ];
    const teacher = [
      [1, 3, -2, 0],
      [4, -1, 0.5, 0.2],
    ];
    const labels = [1, 3];
    const [alpha, temperature] = [0.3, 2.5];
    const softmax = (z: number[], t: number) => {
      const e = z.map((v) => Math.exp(v / t));
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / s);
    };
    const expected =
      labels
        .map((label, n) => {
          const ce = -Math.log(softmax(student[n] as number[], 1)[label] as number);
          const p = softmax(teacher[n] as number[], temperature);
          const q = softmax(student[n] as number[], temperature);
          const kl = p.reduce((sum, pk, k) => sum + pk * Math.log(pk / (q[k] as number)), 0);
          return alpha * ce + (1 - alpha) * temperature ** 2 * kl;
        })
        .reduce((a, b) => a + b, 0) / labels.length;
    const [ours, losses] = await expectNoLeakedTensors(async () => {
      const pair = tf.tidy(() => {
        const oneHot = tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), classes), 'float32');
        const targets = tf.concat([oneHot, tf.tensor2d(teacher)], 1);
        const zs = tf.tensor2d(student);
        return [
          packedDistillationLoss(alpha, temperature)(targets, zs),
          distillationLoss(oneHot, zs, tf.tensor2d(teacher), { alpha, beta: 1 - alpha, temperature }),
        ];
      });
      try {
        return await Promise.all(pair.map(async (t) => (await t.data())[0] as number));
      } finally {
        tf.dispose(pair);
      }
    });
    expect(ours).toBeCloseTo(expected, 4);
    expect(losses).toBeCloseTo(expected, 4);
  });

  test('alpha = 1 trains exactly like fit on softmax cross-entropy; alpha = 0.5 does not', async () => {
    const x = syntheticData(1);
    const teacher = net(11, 8);
    const y = tf.tidy(() => tf.cast(tf.argMax(teacher.apply(x), -1), 'int32'));
    const [plain, hardOnly, mixed] = [net(5, 0), net(5, 0), net(5, 0)];
    const settings = { epochs: 2, batchSize: 8, seed: 3 };
    try {
      const optimizer = new Adam({ learningRate: 0.05 });
      await fit(plain, { x, y }, { loss: softmaxCrossEntropy, optimizer, ...settings, progress: 'none' });
      optimizer.dispose();
      await distill({ teacher, student: hardOnly, data: { x, y }, alpha: 1, learningRate: 0.05, ...settings });
      const teacherBefore = await weightsOf(teacher);
      await distill({ teacher, student: mixed, data: { x, y }, alpha: 0.5, learningRate: 0.05, ...settings });
      expect(await weightsOf(teacher)).toEqual(teacherBefore); // the teacher is frozen
      const [a, b, c] = await Promise.all([weightsOf(plain), weightsOf(hardOnly), weightsOf(mixed)]);
      const gap = (u: number[], v: number[]) => Math.max(...u.map((value, i) => Math.abs(value - (v[i] as number))));
      expect(gap(a, b)).toBeLessThan(1e-5);
      expect(gap(a, c)).toBeGreaterThan(1e-3);
    } finally {
      tf.dispose([x, y]);
      for (const model of [teacher, plain, hardOnly, mixed]) model.dispose();
    }
  });

  test('alpha = 0 (teacher only, no labels used) makes a linear student match a linear teacher', async () => {
    const x = syntheticData(2);
    const teacher = net(21, 0);
    const student = net(22, 0);
    // Wrong labels on purpose: with alpha = 0 they must not matter.
    const y = tf.zeros([rows], 'int32');
    const gapToTeacher = async () => {
      const gap = tf.tidy(() => tf.max(tf.abs(tf.sub(tf.softmax(teacher.apply(x)), tf.softmax(student.apply(x))))));
      const value = (await gap.data())[0] as number;
      gap.dispose();
      return value;
    };
    try {
      const before = await gapToTeacher();
      const seen: number[] = [];
      const teacherRows: number[] = [];
      const { history } = await distill({
        teacher: (images) => {
          teacherRows.push(images.shape[0] as number);
          return teacher.apply(images);
        },
        student,
        data: { x, y },
        alpha: 0,
        temperature: 1,
        epochs: 30,
        batchSize: rows / 2,
        learningRate: 0.05,
        onProgress: (done) => seen.push(done),
      });
      // Once per row over all 30 epochs (two batches of 12), not once per step.
      expect(teacherRows).toEqual([rows / 2, rows / 2]);
      const after = await gapToTeacher();
      expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(history.get('loss')).toHaveLength(30);
      expect(history.last('loss') as number).toBeLessThan((history.get('loss')[0] as number) / 4);
      expect(after).toBeLessThan(before / 4);
    } finally {
      tf.dispose([x, y]);
      teacher.dispose();
      student.dispose();
    }
  });

  test('bad input: clear errors naming distill and the argument, nothing leaked on repeated failures', async () => {
    const x = syntheticData(3);
    const y = tf.zeros([rows], 'int32');
    const teacher = net(31, 0);
    const student = net(32, 0);
    const narrow = new Sequential({ seed: 33, layers: [new Dense({ units: classes - 1 })] });
    tf.dispose([teacher.apply(x), student.apply(x), narrow.apply(x)]); // build the weights outside the count
    const data = { x, y };
    const cases: [Parameters<typeof distill>[0], RegExp][] = [
      [{ teacher, student, data, temperature: 0 }, /^distill: expected temperature .*got 0/],
      [{ teacher, student, data, temperature: -2 }, /^distill: expected temperature .*got -2/],
      [{ teacher, student, data, temperature: Number.NaN }, /^distill: .*temperature.*NaN/],
      [{ teacher, student, data, alpha: -0.1 }, /^distill: expected alpha in \[0, 1\], got -0.1/],
      [{ teacher, student, data, alpha: 1.5 }, /^distill: expected alpha in \[0, 1\], got 1.5/],
      [
        { teacher, student: narrow, data },
        /^distill: expected the student's output to have the teacher's shape \[N,4\], got \[1,3\]/,
      ],
      [
        { teacher: () => tf.zeros([2, 2]), student, data },
        /^distill: expected teacher to return float32 logits of shape \[24,K\]/,
      ],
      [{ teacher: 'lenet' as never, student, data }, /^distill: expected teacher to be a model/],
      [{ teacher, student, data: { x, y: tf.zeros([5], 'int32') } }, /^distill: expected data.y of shape \[24\] int32/],
      [{ teacher, student, data, epoch: 3 } as never, /epoch/],
    ];
    try {
      for (const [options, message] of cases)
        for (let attempt = 0; attempt < 2; attempt++)
          await expectNoLeakedTensors(async () => {
            await expect(distill(options)).rejects.toThrow(message);
          });
    } finally {
      tf.dispose([x, y]);
      for (const model of [teacher, student, narrow]) model.dispose();
    }
  });
});

test('distill refuses a student that is not a core model', async () => {
  await expect(
    distill({
      teacher: (x) => x,
      student: ((x: tf.Tensor) => x) as never,
      data: { x: tf.zeros([1, 2]), y: tf.zeros([1, 2]) },
    }),
  ).rejects.toThrow(/^distill: expected student to be a core Layer/);
});
