import { expect, test } from 'vitest';
import { ArgumentError } from '../errors/argument-error.js';
import { parseCssColor } from './css-color.js';

const parse = (text: string) => parseCssColor('lineChartPng', 'series[0].color', text);

test('parseCssColor: hex in four lengths, rgb()/rgba() in both syntaxes, names, any case', () => {
  expect(parse('#1f77b4')).toEqual([31, 119, 180, 255]);
  expect(parse('#F00')).toEqual([255, 0, 0, 255]);
  expect(parse('#0f08')).toEqual([0, 255, 0, 136]);
  expect(parse('#11223344')).toEqual([17, 34, 51, 68]);
  expect(parse('rgb(10, 20, 30)')).toEqual([10, 20, 30, 255]);
  expect(parse('rgba(255, 0, 0, 0.5)')).toEqual([255, 0, 0, 128]);
  expect(parse('rgb(100% 50% 0% / 25%)')).toEqual([255, 128, 0, 64]);
  expect(parse('rgb(300, -4, 7)')).toEqual([255, 0, 7, 255]); // clamped like CSS
  expect(parse(' SteelBlue ')).toEqual([70, 130, 180, 255]);
  expect(parse('grey')).toEqual(parse('gray'));
});

test('parseCssColor: anything else is an ArgumentError naming function and argument', () => {
  for (const bad of ['#12', '#12345', 'hsl(0, 100%, 50%)', 'rgb(1, 2)', 'rgb(a, b, c)', 'blurple', '']) {
    expect(() => parse(bad)).toThrow(ArgumentError);
    expect(() => parse(bad)).toThrow(
      new RegExp(
        '^lineChartPng: expected series\\[0\\]\\.color to be a CSS colour ' +
          "\\(#rgb, #rrggbb, rgb\\(\\), rgba\\(\\) or a common name such as 'red'\\), got \"",
      ),
    );
  }
});
