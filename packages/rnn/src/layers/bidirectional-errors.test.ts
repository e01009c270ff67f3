import * as tf from '@tensorflow/tfjs-core';
import { Dense } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { Bidirectional } from './bidirectional.js';
import { LSTM } from './lstm.js';
import './register-recurrent-layers.js';

describeEachBackend('Bidirectional refuses what it cannot run', () => {
  test('bad options, inputs and masks, in the form fn: expected X, got Y; nothing leaks on the error path', () => {
    expect(() => new Bidirectional({ layer: new Dense({ units: 2 }) as never })).toThrow(
      /^Bidirectional: expected layer to be a recurrent layer \(LSTM, GRU, SimpleRNN, .*\), got a Dense$/,
    );
    expect(() => new Bidirectional({} as never)).toThrow(
      /^Bidirectional: expected layer to be a recurrent layer.*got undefined/,
    );
    expect(() => new Bidirectional({ layer: new LSTM({ units: 2 }), merge: 'max' as never })).toThrow(
      /^Bidirectional: expected merge to be one of 'concat', 'sum', 'average', 'multiply', got "max"/,
    );
    expect(() => new Bidirectional({ layer: new LSTM({ units: 2 }), mergeMode: 'sum' } as never)).toThrow(
      /^Bidirectional: unknown key 'mergeMode' in options \(did you mean 'merge'\?/,
    );
    const layer = new Bidirectional({ layer: new LSTM({ units: 2, returnSequences: true }) });
    const x = tf.ones([2, 4, 3]);
    tf.dispose(layer.apply(x));
    const features = tf.ones([2, 4, 5]);
    const wrongMask = tf.ones([2, 3], 'bool');
    const before = tf.memory().numTensors;
    for (let i = 0; i < 4; i++) {
      expect(() => layer.apply(features)).toThrow(
        /^Bidirectional.apply: layer 'bidirectional_\d+' expected input of shape \[batch, time, 3\], got \[2,4,5\]/,
      );
      expect(() => layer.apply(x, { mask: wrongMask })).toThrow(/^LSTM.apply: expected mask of shape \[2,4\]/);
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, features, wrongMask]);
    layer.dispose();
  });
});
