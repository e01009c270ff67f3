// The three series of the example, read from the CSVs exported once by data/export-series.py.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');

/** One series and how the example evaluates it. */
export interface SeriesSpec {
  name: string;
  /** Observations in time order. */
  values: number[];
  /** Decimal time of each observation (years), for the plot's x axis. */
  time: number[];
  /** Season m of the MASE scale: 12 monthly, 1 annual. */
  season: number;
  /** Held-out values at the end of the series (all forecast origins lie in this span). */
  testLength: number;
  unit: string;
}

function readCsv(file: string): string[][] {
  const lines = readFileSync(join(dataDir, file), 'utf8').trim().split('\n');
  return lines.slice(1).map((line) => line.split(','));
}

/** CO2 at Mauna Loa, monthly means of the weekly record, 1958-03 .. 2001-12 (526 months). */
export function co2Monthly(): SeriesSpec {
  const rows = readCsv('co2-monthly.csv');
  const time = rows.map(([month]) => Number(month?.slice(0, 4)) + (Number(month?.slice(5, 7)) - 1) / 12);
  return { name: 'co2', values: rows.map((r) => Number(r[1])), time, season: 12, testLength: 120, unit: 'ppmv' };
}

/** Annual flow of the Nile at Aswan, 1871 .. 1970 (100 years, 10^8 m^3). */
export function nileAnnual(): SeriesSpec {
  const rows = readCsv('nile.csv');
  return {
    name: 'nile',
    values: rows.map((r) => Number(r[1])),
    time: rows.map((r) => Number(r[0])),
    season: 1,
    testLength: 25,
    unit: '10^8 m^3',
  };
}

/** Yearly sunspot activity, 1700 .. 2008 (309 years). */
export function sunspotsAnnual(): SeriesSpec {
  const rows = readCsv('sunspots.csv');
  return {
    name: 'sunspots',
    values: rows.map((r) => Number(r[1])),
    time: rows.map((r) => Number(r[0])),
    season: 1,
    testLength: 60,
    unit: 'sunspot number',
  };
}
