import '@baihua/core/testing';
import { describe, expect, test } from 'vitest';
import { benchSuites } from './suites.js';

describe('suite registry', () => {
  test.each(['quick', 'full'] as const)(
    '%s: every case has a unique id that names its suite, and a compareKey',
    (mode) => {
      const cases = benchSuites.flatMap((suite) =>
        suite.cases(mode).map((benchCase) => ({ suite: suite.name, benchCase })),
      );
      expect(cases.length).toBeGreaterThan(20);
      const ids = cases.map(({ benchCase }) => benchCase.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const { suite, benchCase } of cases) {
        expect(benchCase.suite).toBe(suite);
        expect(benchCase.id.startsWith(`${suite}/`)).toBe(true);
        expect(benchCase.id.endsWith(`/${benchCase.implementation}`)).toBe(true);
        expect(benchCase.compareKey.length).toBeGreaterThan(0);
      }
    },
  );

  const casesTitle =
    "the issue's cases are there: matMul sizes, conv2d fwd and bwd, pooling, softmax CE, LSTM/GRU fwd and bwd, " +
    'three models, seed claims';
  test(casesTitle, () => {
    const ids = benchSuites.flatMap((suite) => suite.cases('quick')).map((benchCase) => benchCase.id);
    for (const pattern of [
      /^ops\/matMul\/64\//,
      /^ops\/matMul\/256\//,
      /^ops\/conv2d-forward\//,
      /^ops\/conv2d-backward\//,
      /^ops\/maxPool-backward\//,
      /^ops\/avgPool-backward\//,
      /^ops\/softmax-ce\//,
      /^ops\/lstm-backward\//,
      /^ops\/gru-forward\//,
      /^models\/mnist-mlp\//,
      /^models\/lenet-5\//,
      /^models\/lstm-classifier\//,
      /^models\/blstm-ctc\//,
      /^models\/mnist-mlp-inference\/ort-node$/,
      /^models\/lstm-classifier-t16-h32-inference\/ort-wasm$/,
      /^seed\/recurrent-variant\/lstm\//,
      /^seed\/gradient-retention\/sigmoid\/ours$/,
    ]) {
      expect(
        ids.some((id) => pattern.test(id)),
        String(pattern),
      ).toBe(true);
    }
  });
});
