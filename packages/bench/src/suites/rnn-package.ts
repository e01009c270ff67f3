import type * as tf from '@tensorflow/tfjs-core';

/** A @baihua/rnn layer as these cases use it (a @baihua/core Layer). */
export interface RnnLayer {
  apply(x: tf.Tensor): tf.Tensor;
  ensureBuilt(inputShape: readonly number[]): void;
  trainableWeights(): Array<{ variable: tf.Variable }>;
  countParams(): number;
  dispose(): void;
}

interface RnnLayerOptions {
  units: number;
  returnSequences?: boolean;
  seed?: number;
}

/** The part of @baihua/rnn these cases use. */
export interface RnnPackage {
  SimpleRNN: new (options: RnnLayerOptions) => RnnLayer;
  LSTM: new (options: RnnLayerOptions) => RnnLayer;
  PeepholeLSTM: new (options: RnnLayerOptions & { peephole?: 'diagonal' | 'full' }) => RnnLayer;
  CoupledLSTM: new (options: RnnLayerOptions) => RnnLayer;
  GRU: new (options: RnnLayerOptions & { resetAfter?: boolean }) => RnnLayer;
}

/** The recurrent variants of the seed, as @baihua/rnn layers (all outputs returned, seeded weights). */
export const rnnVariants = {
  simpleRNN: {
    title: 'Elman RNN',
    make: (rnn: RnnPackage, units: number) => new rnn.SimpleRNN({ units, returnSequences: true, seed: 81 }),
  },
  lstm: {
    title: 'LSTM',
    make: (rnn: RnnPackage, units: number) => new rnn.LSTM({ units, returnSequences: true, seed: 81 }),
  },
  peepholeLstm: {
    title: 'peephole LSTM (diagonal)',
    make: (rnn: RnnPackage, units: number) => new rnn.PeepholeLSTM({ units, returnSequences: true, seed: 81 }),
  },
  peepholeLstmFull: {
    title: 'peephole LSTM (full)',
    make: (rnn: RnnPackage, units: number) =>
      new rnn.PeepholeLSTM({ units, returnSequences: true, seed: 81, peephole: 'full' }),
  },
  coupledLstm: {
    title: 'coupled-gate LSTM',
    make: (rnn: RnnPackage, units: number) => new rnn.CoupledLSTM({ units, returnSequences: true, seed: 81 }),
  },
  gru: {
    title: 'GRU (reset before)',
    make: (rnn: RnnPackage, units: number) =>
      new rnn.GRU({ units, returnSequences: true, seed: 81, resetAfter: false }),
  },
  gruResetAfter: {
    title: 'GRU (reset after)',
    make: (rnn: RnnPackage, units: number) => new rnn.GRU({ units, returnSequences: true, seed: 81, resetAfter: true }),
  },
} as const;

export type RnnVariant = keyof typeof rnnVariants;
