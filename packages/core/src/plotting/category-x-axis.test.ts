import { expect, test } from 'vitest';
import { labelXAxis } from './category-x-axis.js';
import { chartLayout } from './chart-layout.js';

const tickLabels = (layout: ReturnType<typeof chartLayout>) =>
  layout.primitives.flatMap((p) => (p.kind === 'text' && p.role === 'tickLabel' && p.mapped === 'x' ? [p] : []));

test('labelXAxis: one tick and name per position instead of numbers, staggered when crowded, kept inside', () => {
  const series = [{ name: 's', values: [1, 2, 3] }];
  const short = labelXAxis(chartLayout('f', series, {}, { xRange: [0.5, 3.5] }), ['a', 'b', 'c']);
  expect(tickLabels(short).map((p) => [p.text, p.x, p.y, p.anchor])).toEqual(
    [1, 2, 3].map((x, k) => [['a', 'b', 'c'][k], short.toPixel(x, 1)[0], 368, 'middle']),
  );
  expect(short.primitives.filter((p) => p.role === 'tick')).toHaveLength(3);
  const roles = short.primitives.map((p) => p.role);
  expect(roles.indexOf('tick')).toBeLessThan(roles.indexOf('frame'));
  const names = Array.from({ length: 10 }, (_, k) => `a_long_layer_name_${k}`);
  const crowded = labelXAxis(chartLayout('f', [{ name: 's', values: names.map(() => 1) }]), names);
  const labels = tickLabels(crowded);
  expect(labels.map((p) => p.y)).toEqual(names.map((_, k) => (k % 2 === 1 ? 380 : 368)));
  expect(labels[0]).toMatchObject({ x: 2, anchor: 'start' }); // flush left, not cut off
  expect(labels[9]).toMatchObject({ x: 638, anchor: 'end' });
});
