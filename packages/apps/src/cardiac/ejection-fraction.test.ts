import { ArgumentError } from '@baihua/core';
import { describe, expect, test } from 'vitest';
import { cycleVolumeFraction, endSystolicPhaseOf } from './cardiac-cycle.js';
import { ejectionFraction } from './ejection-fraction.js';
import { classifyEjectionFraction, ejectionFractionClasses } from './ejection-fraction-class.js';
import { cardiacReport } from './cardiac-report.js';

describe('ejectionFraction', () => {
  test('EDV is the largest volume, ESV the smallest, EF = (EDV - ESV) / EDV x 100', () => {
    const result = ejectionFraction([110, 120, 90, 50, 80, 105]);
    expect(result).toEqual({
      endDiastolicVolume: 120,
      endSystolicVolume: 50,
      ejectionFraction: (70 / 120) * 100,
      endDiastolicPhase: 1,
      endSystolicPhase: 3,
    });
    expect(ejectionFraction([0, 10]).ejectionFraction).toBe(100);
    expect(ejectionFraction([10, 10]).ejectionFraction).toBe(0);
  });

  test('fewer than 2 phases, an all-empty cycle, negative or non-finite volumes: errors naming the argument', () => {
    const cases: [unknown, RegExp][] = [
      [[100], /ejectionFraction: expected volumes of at least 2 phases of the cycle, got 1/],
      [[], /at least 2 phases.*got 0/],
      [[0, 0, 0], /ejectionFraction: expected a cavity in at least one phase, got volume 0 in all 3 \(EF undefined\)/],
      [[10, -1], /ejectionFraction: expected volumes\[1\] to be a finite number >= 0, got -1/],
      [[10, Number.NaN], /volumes\[1\].*got NaN/],
      ['10,20', /ejectionFraction: expected volumes to be an array, got string/],
    ];
    for (const [volumes, message] of cases) {
      expect(() => ejectionFraction(volumes as number[])).toThrow(message);
      expect(() => ejectionFraction(volumes as number[])).toThrow(ArgumentError);
    }
  });
});

describe('classifyEjectionFraction', () => {
  test("the seed's thresholds at their boundaries: danger < 40 <= reduced < 55 <= normal <= 70 < above-normal", () => {
    const expected: [number, string][] = [
      [0, 'danger'],
      [39.9, 'danger'],
      [40, 'reduced'],
      [54.9, 'reduced'],
      [55, 'normal'],
      [62, 'normal'],
      [70, 'normal'],
      [70.1, 'above-normal'],
      [100, 'above-normal'],
    ];
    for (const [ef, name] of expected) expect(classifyEjectionFraction(ef), `EF ${ef}`).toBe(name);
    expect(ejectionFractionClasses).toEqual(['danger', 'reduced', 'normal', 'above-normal']);
  });

  test('an EF outside [0, 100] or not a number is refused', () => {
    expect(() => classifyEjectionFraction(-1)).toThrow(
      /classifyEjectionFraction: expected ejectionFraction in \[0, 100\]/,
    );
    expect(() => classifyEjectionFraction(100.5)).toThrow(ArgumentError);
    expect(() => classifyEjectionFraction(Number.NaN)).toThrow(/expected ejectionFraction to be a finite number/);
  });
});

describe('cycleVolumeFraction', () => {
  test('1 at end-diastole, 1 - EF/100 at end-systole, between them everywhere else', () => {
    for (const phases of [10, 12, 15, 20]) {
      const end = endSystolicPhaseOf(phases);
      const curve = Array.from({ length: phases }, (_, k) => cycleVolumeFraction(k, phases, 60));
      expect(curve[0]).toBe(1);
      expect(curve[end]).toBeCloseTo(0.4, 12);
      expect(Math.min(...curve)).toBeCloseTo(0.4, 12);
      expect(Math.max(...curve)).toBe(1);
      // Empties monotonically, then refills monotonically.
      for (let k = 1; k <= end; k++) expect(curve[k]!).toBeLessThan(curve[k - 1]!);
      for (let k = end + 1; k < phases; k++) expect(curve[k]!).toBeGreaterThan(curve[k - 1]!);
    }
    expect(endSystolicPhaseOf(12)).toBe(4);
    expect(() => cycleVolumeFraction(12, 12, 60)).toThrow(/cycleVolumeFraction: expected phase in \[0, 11\], got 12/);
    expect(() => cycleVolumeFraction(1.5, 12, 60)).toThrow(/expected phase to be an integer/);
    expect(() => endSystolicPhaseOf(1)).toThrow(/endSystolicPhaseOf: expected phases >= 2, got 1/);
  });
});

describe('cardiacReport', () => {
  test('the numbers, the class and the text; with the truth, the signed error', () => {
    const report = cardiacReport([120, 80, 50, 90], { caseId: 'case 7', truth: [118, 80, 48, 90] });
    expect(report.endDiastolicVolume).toBe(120);
    expect(report.endSystolicVolume).toBe(50);
    expect(report.ejectionFraction).toBeCloseTo(58.333, 3);
    expect(report.ejectionFractionClass).toBe('normal');
    expect(report.truth?.ejectionFraction).toBeCloseTo((70 / 118) * 100, 10);
    expect(report.truth?.error).toBeCloseTo(58.3333 - 59.322, 3);
    expect(report.text).toBe(
      'case 7: EDV 120.0 mL (phase 0), ESV 50.0 mL (phase 2), EF 58.3% -> normal (55-70%)\n' +
        '  true EF 59.3% (normal), error -1.0 points',
    );
    expect(cardiacReport([100, 65]).text).toBe(
      'case: EDV 100.0 mL (phase 0), ESV 65.0 mL (phase 1), EF 35.0% -> danger (below 40%)',
    );
  });

  test('bad input: the function and argument are named', () => {
    expect(() => cardiacReport([100])).toThrow(/ejectionFraction: expected volumes of at least 2 phases/);
    expect(() => cardiacReport([100, 50], { truth: [1, 2, 3] })).toThrow(
      /cardiacReport: expected options.truth to hold one volume per phase \(2\), got 3/,
    );
    expect(() => cardiacReport([100, 50], { caseID: 'x' } as never)).toThrow(
      /unknown key 'caseID'.*did you mean 'caseId'/,
    );
  });
});
