import '@baihua/core/testing';
import { describe, expect, test } from 'vitest';
import { parseBenchArguments } from './bench-arguments.js';

describe('bench command line', () => {
  test('defaults: quick run of every suite on cpu, wasm and webgpu', () => {
    expect(parseBenchArguments([])).toEqual({
      suites: ['ops', 'models', 'seed'],
      backends: ['cpu', 'wasm', 'webgpu'],
      mode: 'quick',
      json: false,
      compare: [],
      help: false,
    });
  });

  test('flags, comma lists, repeats, = values and a leading -- (from pnpm bench --)', () => {
    const parsed = parseBenchArguments([
      '--',
      '--suite',
      'ops',
      '--suite=seed',
      '--backends',
      'webgpu,wasm',
      '--full',
      '--json',
      '--compare',
      'a.json',
      'b.json',
      '--out',
      'x',
      '--filter',
      'lstm',
      '--reference',
      'wasm',
    ]);
    expect(parsed).toEqual({
      suites: ['ops', 'seed'],
      backends: ['webgpu', 'wasm'],
      mode: 'full',
      json: true,
      compare: ['a.json', 'b.json'],
      out: 'x',
      filter: 'lstm',
      reference: 'wasm',
      help: false,
    });
    expect(parseBenchArguments(['--compare', 'old.json', '--full']).compare).toEqual(['old.json']);
  });

  test('bad arguments name the flag and what was expected', () => {
    expect(() => parseBenchArguments(['--suite', 'speed'])).toThrow(
      /bench: --suite expects one of ops, models, seed, got 'speed'/,
    );
    expect(() => parseBenchArguments(['--backends'])).toThrow(/bench: --backends expects a value, got nothing/);
    expect(() => parseBenchArguments(['--out', '--full'])).toThrow(/bench: --out expects a value, got --full/);
    expect(() => parseBenchArguments(['--fast'])).toThrow(/bench: unknown option '--fast'/);
    expect(() => parseBenchArguments(['--reference', 'gpu'])).toThrow(
      /bench: --reference expects one of cpu, wasm, webgpu, got 'gpu'/,
    );
  });
});
