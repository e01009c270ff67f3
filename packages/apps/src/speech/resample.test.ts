import { describe, expect, test } from 'vitest';
import { audioBufferToSignal, resample } from './index.js';

const tone = (hertz: number, rate: number, seconds: number, amplitude = 1, phase = 0) =>
  Float32Array.from(
    { length: Math.round(rate * seconds) },
    (_, i) => amplitude * Math.sin((2 * Math.PI * hertz * i) / rate + phase),
  );

/** Least-squares fit of a sin + b cos at `hertz` over the middle half: the amplitude and the rms residual. */
function fitTone(signal: Float32Array, hertz: number, rate: number) {
  const [start, end] = [Math.floor(signal.length / 4), Math.floor((3 * signal.length) / 4)];
  let [ss, sc, cc, ys, yc] = [0, 0, 0, 0, 0];
  for (let i = start; i < end; i++) {
    const [s, c, y] = [
      Math.sin((2 * Math.PI * hertz * i) / rate),
      Math.cos((2 * Math.PI * hertz * i) / rate),
      signal[i] as number,
    ];
    [ss, sc, cc, ys, yc] = [ss + s * s, sc + s * c, cc + c * c, ys + y * s, yc + y * c];
  }
  const det = ss * cc - sc * sc;
  const [a, b] = [(ys * cc - yc * sc) / det, (yc * ss - ys * sc) / det];
  let residual = 0;
  for (let i = start; i < end; i++) {
    const model = a * Math.sin((2 * Math.PI * hertz * i) / rate) + b * Math.cos((2 * Math.PI * hertz * i) / rate);
    residual += ((signal[i] as number) - model) ** 2;
  }
  return { amplitude: Math.hypot(a, b), rms: Math.sqrt(residual / (end - start)) };
}

const rms = (signal: Float32Array) => {
  const middle = signal.subarray(Math.floor(signal.length / 4), Math.floor((3 * signal.length) / 4));
  return Math.sqrt(middle.reduce((sum, x) => sum + x * x, 0) / middle.length);
};

describe('speech: resample', () => {
  test('a 440 Hz tone keeps its frequency and amplitude from 44.1 kHz to 16 kHz and from 8 kHz up to 16 kHz', () => {
    const down = resample(tone(440, 44100, 0.5, 0.8, 0.3), 44100, 16000);
    expect(down.length).toBe(Math.ceil((22050 * 16000) / 44100));
    const fitDown = fitTone(down, 440, 16000);
    expect(fitDown.amplitude).toBeCloseTo(0.8, 3);
    expect(fitDown.rms).toBeLessThan(1e-3);
    const up = fitTone(resample(tone(1000, 8000, 0.5, 0.5), 8000, 16000), 1000, 16000);
    expect(up.amplitude).toBeCloseTo(0.5, 3);
    expect(up.rms).toBeLessThan(1e-3);
    // A wrong frequency would not fit: the same output against 450 Hz leaves most of the tone.
    expect(fitTone(down, 450, 16000).rms).toBeGreaterThan(0.3);
  });

  test('downsampling suppresses what lies above the new Nyquist frequency (no alias)', () => {
    const high = tone(10000, 48000, 0.5); // above 8 kHz: would fold to 6 kHz
    const naive = high.filter((_, i) => i % 3 === 0); // plain decimation keeps the alias at full strength
    expect(rms(naive)).toBeGreaterThan(0.6);
    expect(rms(resample(high, 48000, 16000))).toBeLessThan(1e-3);
    // ... while a tone below the cutoff passes: 6 kHz at 48 kHz -> 16 kHz.
    expect(fitTone(resample(tone(6000, 48000, 0.5), 48000, 16000), 6000, 16000).amplitude).toBeCloseTo(1, 2);
  });

  test('the same rate copies; bad input is refused naming resample', () => {
    const x = Float32Array.from([1, 2, 3]);
    const copy = resample(x, 16000, 16000);
    expect(copy).toEqual(x);
    expect(copy).not.toBe(x);
    expect(() => resample([1, 2] as never, 8000, 16000)).toThrow(
      'resample: expected signal to be a Float32Array, got object',
    );
    expect(() => resample(x, 0, 16000)).toThrow('resample: expected fromRate > 0, got 0');
    expect(() => resample(x, 8000, Number.NaN)).toThrow('resample: expected toRate to be a finite number, got NaN');
    expect(() => resample(Float32Array.from([0, Number.NaN]), 8000, 16000)).toThrow(
      'resample: expected finite samples, got NaN at sample 1',
    );
    expect(() => resample(x, 8000, 16000, { rollof: 0.9 } as never)).toThrow(
      "resample: unknown key 'rollof' in options (did you mean 'rolloff'?",
    );
  });
});

describe('speech: audioBufferToSignal', () => {
  const buffer = (channels: Float32Array[], sampleRate = 48000) => ({
    sampleRate,
    numberOfChannels: channels.length,
    getChannelData: (i: number) => channels[i] as Float32Array,
  });

  test('mixes channels to their mean, picks one, or resamples to a requested rate', () => {
    const [left, right] = [Float32Array.from([1, 0.5, -1, 0]), Float32Array.from([0, 0.5, 0, -0.25])];
    expect(audioBufferToSignal(buffer([left, right]))).toEqual(Float32Array.from([0.5, 0.5, -0.5, -0.125]));
    const picked = audioBufferToSignal(buffer([left, right]), { channel: 1 });
    expect(picked).toEqual(right);
    expect(picked).not.toBe(right);
    const speech = tone(300, 48000, 0.1);
    expect(audioBufferToSignal(buffer([speech, speech]), { sampleRate: 16000 })).toEqual(
      resample(speech, 48000, 16000),
    );
  });

  test('refuses what is not an AudioBuffer, a missing channel and unknown options', () => {
    const one = buffer([new Float32Array(4)]);
    expect(() => audioBufferToSignal({} as never)).toThrow('audioBufferToSignal: expected buffer to be an AudioBuffer');
    expect(() => audioBufferToSignal(one, { channel: 1 })).toThrow(
      "audioBufferToSignal: expected options.channel to be 'mix' or 0 .. 0, got 1",
    );
    expect(() => audioBufferToSignal(one, { sampleRate: -1 })).toThrow(
      'audioBufferToSignal: expected options.sampleRate > 0, got -1',
    );
    expect(() => audioBufferToSignal(one, { chanel: 0 } as never)).toThrow("unknown key 'chanel' in options");
  });
});
