import { expect, test } from 'vitest';
import { chartLayout } from './chart-layout.js';
import { markUndrawable } from './undrawable-markers.js';

test('markUndrawable: NaN on the top edge, <= 0 on a log axis at the bottom, in the series colour, with a note', () => {
  const series = [{ name: 's', values: [1, Number.NaN, 0, 4], color: '#123456' }];
  const layout = chartLayout('f', series, { logY: true });
  const marked = markUndrawable(layout, series, true);
  const markers = marked.primitives.filter((p) => p.role === 'marker');
  expect(markers).toHaveLength(2);
  const { top, height } = layout.plot;
  expect(markers.map((m) => m.kind === 'rect' && [m.x + 4, m.y + 4, m.fill])).toEqual([
    [Math.round(layout.toPixel(2, 1)[0] * 10) / 10, top, '#123456'],
    [Math.round(layout.toPixel(3, 1)[0] * 10) / 10, top + height, '#123456'],
  ]);
  const note = marked.primitives.find((p) => p.kind === 'text' && p.role === 'note');
  expect(note?.kind === 'text' && note.text).toBe(
    'not drawn: 1 NaN or infinite (squares on top); 1 <= 0 (squares at the bottom)',
  );
  // On a linear axis 0 is drawable; a layout with nothing undrawable comes back as it was.
  expect(markUndrawable(layout, series, false).primitives.filter((p) => p.role === 'marker')).toHaveLength(1);
  const clean = [{ name: 's', values: [1, 2] }];
  const plain = chartLayout('f', clean);
  expect(markUndrawable(plain, clean, false)).toBe(plain);
});

test('markUndrawable: the note can go to the bottom-right corner instead', () => {
  const series = [{ name: 's', values: [1, Number.NaN, 4] }];
  const layout = chartLayout('f', series);
  const box = markUndrawable(layout, series, false, 'bottom-right').primitives.find(
    (p) => p.kind === 'rect' && p.role === 'note',
  );
  const { left, top, width, height } = layout.plot;
  expect(box?.kind === 'rect' && [box.x + box.width, box.y + box.height]).toEqual([left + width - 6, top + height - 6]);
});
