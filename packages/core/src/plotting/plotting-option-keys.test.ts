import { expect, test } from 'vitest';
import { History } from '../training/history.js';
import { lineChartPng, lineChartSvg, plotHistory, plotHistoryPng } from './index.js';

test('charts refuse unknown option and series keys, suggesting the known one', () => {
  const series = [{ name: 'loss', values: [1, 0.5] }];
  expect(() => lineChartSvg(series, { xlabel: 'epoch' } as never)).toThrow(
    /lineChartSvg: unknown key 'xlabel' in options \(did you mean 'xLabel'\?/,
  );
  expect(() => lineChartPng(series, { logy: true } as never)).toThrow(
    /lineChartPng: unknown key 'logy' in options \(did you mean 'logY'\?/,
  );
  expect(() => lineChartSvg([{ name: 'loss', values: [1], colour: 'red' }] as never)).toThrow(
    /lineChartSvg: unknown key 'colour' in series\[0\] \(did you mean 'color'\?/,
  );
  const history = new History();
  history.record(0, { loss: 1 });
  expect(() => plotHistory(history, { metric: ['loss'] } as never)).toThrow(
    /plotHistory: unknown key 'metric' in options \(did you mean 'metrics'\?/,
  );
  expect(() => plotHistoryPng(history, { widht: 300 } as never)).toThrow(
    /plotHistoryPng: unknown key 'widht' in options \(did you mean 'width'\?/,
  );
  expect(plotHistory(history, { metrics: ['loss'], width: 320, height: 200 })).toMatch(/^<svg/);
});
