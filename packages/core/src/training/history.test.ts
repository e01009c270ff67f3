// History's bookkeeping against tables written out by hand: a metric that appears late or stops
// appearing is padded with NaN so every metric keeps one value per epoch.
import { expect, test } from 'vitest';
import { History } from './history.js';

test('a metric first logged in a later epoch is NaN before it; one missing later is NaN there', () => {
  const history = new History();
  history.record(0, { loss: 1 });
  history.record(1, { loss: 0.5, valLoss: 0.75 });
  history.record(2, { valLoss: 0.25 });
  expect(history.epochs).toEqual([0, 1, 2]);
  expect(history.get('loss')).toEqual([1, 0.5, Number.NaN]);
  expect(history.get('valLoss')).toEqual([Number.NaN, 0.75, 0.25]);
  expect(Object.keys(history.metrics)).toEqual(['loss', 'valLoss']);
});

test('get and last: the values, the last one, and nothing for a metric never logged', () => {
  const history = new History();
  expect(history.get('loss')).toEqual([]);
  expect(history.last('loss')).toBeUndefined();
  history.record(4, { loss: 2, accuracy: 0.5 });
  history.record(5, { loss: 3, accuracy: 0.25 });
  expect(history.epochs).toEqual([4, 5]);
  expect(history.last('loss')).toBe(3);
  expect(history.last('accuracy')).toBe(0.25);
  expect(history.get('accuracy')).toEqual([0.5, 0.25]);
  expect(history.get('valLoss')).toEqual([]);
  expect(history.last('valLoss')).toBeUndefined();
  // A name like 'toString' is not a metric (the record has no prototype).
  expect(history.get('toString')).toEqual([]);
  expect(history.last('toString')).toBeUndefined();
});

test('toJSON gives the epochs and metrics as copies that do not change with the history', () => {
  const history = new History();
  history.record(0, { loss: 1 });
  const json = history.toJSON();
  expect(json).toEqual({ epochs: [0], metrics: { loss: [1] } });
  expect(JSON.parse(JSON.stringify(history))).toEqual({ epochs: [0], metrics: { loss: [1] } });
  history.record(1, { loss: 0.5, accuracy: 1 });
  expect(json.epochs).toEqual([0]);
  expect(Object.keys(json.metrics)).toEqual(['loss']);
  expect(history.toJSON()).toEqual({ epochs: [0, 1], metrics: { loss: [1, 0.5], accuracy: [Number.NaN, 1] } });
});
