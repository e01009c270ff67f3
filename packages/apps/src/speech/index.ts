// @baihua/apps/speech: speech features (the seed's 语音识别: MFCC = DCT(log |FFT|^2 on mel bands)) as
// differentiable tensor ops on every backend, Kaldi-compatible by default, and the audio IO they need.
export { windowFunction, windowTypes } from './window-function.js';
export type { WindowType } from './window-function.js';
export { stft } from './stft.js';
export type { StftOptions } from './stft.js';
export { powerSpectrogram } from './power-spectrogram.js';
export { melFilterbank, melScale } from './mel-filterbank.js';
export type { MelFilterbankOptions } from './mel-filterbank.js';
export { fbank, kaldiEpsilon } from './fbank.js';
export type { FbankOptions } from './kaldi-options.js';
export type { SpeechInput } from './speech-input.js';
export { mfcc } from './mfcc.js';
export type { MfccOptions } from './mfcc.js';
export { deltas } from './deltas.js';
export type { DeltasOptions } from './deltas.js';
export { readWav } from './read-wav.js';
export type { DecodedAudio } from './read-wav.js';
export { writeWav } from './write-wav.js';
export type { WriteWavOptions } from './write-wav.js';
export { resample } from './resample.js';
export type { ResampleOptions } from './resample.js';
export { audioBufferToSignal } from './audio-buffer-to-signal.js';
export type { AudioBufferLike, AudioBufferToSignalOptions } from './audio-buffer-to-signal.js';
