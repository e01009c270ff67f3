import { registerLayerType } from '@baihua/core';
import { CoupledLSTM } from './coupled-lstm.js';
import { GRU, type GruOptions } from './gru.js';
import { LSTM, type LstmOptions } from './lstm.js';
import { PeepholeLSTM, type PeepholeLstmOptions } from './peephole-lstm.js';
import { SimpleRNN, type SimpleRnnOptions } from './simple-rnn.js';

/**
 * Registers the recurrent layer types with @baihua/core ('rnn.SimpleRNN', 'rnn.LSTM',
 * 'rnn.PeepholeLSTM', 'rnn.CoupledLSTM', 'rnn.GRU'), so `layerFromConfig` can rebuild saved models.
 * Runs when this module is loaded; call it yourself when a bundler may have dropped the module
 * (the package is marked side-effect free) and you load models without naming the classes.
 *
 * @example
 * registerRecurrentLayers();
 * const model = layerFromConfig(savedConfig);
 *
 * In plain words: put the recurrent layers in core's phone book.
 */
export function registerRecurrentLayers(): void {
  registerLayerType('rnn.SimpleRNN', (config) => new SimpleRNN(config as unknown as SimpleRnnOptions));
  registerLayerType('rnn.LSTM', (config) => new LSTM(config as unknown as LstmOptions));
  registerLayerType('rnn.PeepholeLSTM', (config) => new PeepholeLSTM(config as unknown as PeepholeLstmOptions));
  registerLayerType('rnn.CoupledLSTM', (config) => new CoupledLSTM(config as unknown as LstmOptions));
  registerLayerType('rnn.GRU', (config) => new GRU(config as unknown as GruOptions));
}

registerRecurrentLayers();
