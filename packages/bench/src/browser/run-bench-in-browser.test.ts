import * as tf from '@tensorflow/tfjs-core';
import '@baihua/core/testing';
import { ArgumentError } from '@baihua/core';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { validateBenchReport } from '../harness/validate-report.js';
import { browserEnvironment } from './browser-environment.js';
import { runBenchInBrowser } from './run-bench-in-browser.js';

describe('runBenchInBrowser', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test('runs the chosen suite, filter and backend into a valid report with the page environment', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    const report = await runBenchInBrowser({ suites: ['ops'], backends: ['cpu'], filter: 'softmax CE' });
    expect(validateBenchReport(report)).toEqual([]);
    expect(report.suites).toEqual(['ops']);
    expect(report.backends).toEqual(['cpu']);
    expect(report.mode).toBe('quick');
    // The stock and ours softmax cross-entropy rows, both timed, the ours row with its ratio.
    expect(report.rows.map((row) => `${row.implementation} ${row.status}`)).toEqual(['stock ok', 'ours ok']);
    expect(report.rows[1]?.vsStock).toBeGreaterThan(0);
    expect(report.environment).toMatchObject({ crossOriginIsolated: true });
    expect(report.environment.backends.backends.map((backend) => backend.name)).toEqual(['cpu', 'wasm', 'webgpu']);
  });

  test('browserEnvironment reads the navigator: platform, cores, memory, user agent', () => {
    vi.stubGlobal('navigator', {
      userAgent: 'TestBrowser/1',
      platform: 'Linux x86_64',
      hardwareConcurrency: 12,
      deviceMemory: 8,
    });
    vi.stubGlobal('crossOriginIsolated', false);
    expect(browserEnvironment()).toEqual({
      platform: 'browser Linux x86_64',
      cpuCores: 12,
      totalMemoryBytes: 8 * 2 ** 30,
      userAgent: 'TestBrowser/1',
      crossOriginIsolated: false,
    });
    vi.stubGlobal('navigator', {});
    expect(browserEnvironment()).toEqual({
      platform: 'browser unknown platform',
      userAgent: 'unknown',
      crossOriginIsolated: false,
    });
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ['an unknown key', { suite: ['ops'] }, /unknown key 'suite' in options \(did you mean 'suites'\?/],
    ['an unknown suite', { suites: ['opps'] }, /expected suites from ops, models, seed, got 'opps'/],
    ['an unknown mode', { mode: 'fast' }, /expected mode 'quick' or 'full', got 'fast'/],
    ['no backend', { backends: [] }, /expected at least one backend, got none/],
    ['options that are not an object', 'ops', /expected options to be an object, got string/],
  ];
  test.each(bad)('rejects %s with an ArgumentError and leaks nothing', async (_, options, message) => {
    const before = tf.memory().numTensors;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const error = await runBenchInBrowser(options as never).catch((caught: unknown) => caught);
      expect(ArgumentError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(/^runBenchInBrowser: /);
      expect((error as Error).message).toMatch(message);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
