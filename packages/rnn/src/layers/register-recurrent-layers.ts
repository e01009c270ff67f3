// The package's one side effect (listed in package.json `sideEffects`): importing @baihua/rnn
// registers its layer types with core, as tfjs's index.ts registers kernels, so `loadModel` and
// `layerFromConfig` rebuild saved models that hold them. Type names are the class names.
import { ArgumentError, type LayerConfig, layerFromConfig, registerLayerType } from '@baihua/core';
import { Bidirectional, type BidirectionalOptions } from './bidirectional.js';
import { CoupledLSTM } from './coupled-lstm.js';
import { GRU, type GruOptions } from './gru.js';
import { LSTM, type LstmOptions } from './lstm.js';
import { PeepholeLSTM, type PeepholeLstmOptions } from './peephole-lstm.js';
import { SimpleRNN, type SimpleRnnOptions } from './simple-rnn.js';

registerLayerType('SimpleRNN', (options) => new SimpleRNN(options as unknown as SimpleRnnOptions));
registerLayerType('LSTM', (options) => new LSTM(options as unknown as LstmOptions));
registerLayerType('PeepholeLSTM', (options) => new PeepholeLSTM(options as unknown as PeepholeLstmOptions));
registerLayerType('CoupledLSTM', (options) => new CoupledLSTM(options as unknown as LstmOptions));
registerLayerType('GRU', (options) => new GRU(options as unknown as GruOptions));
registerLayerType('Bidirectional', (config) => {
  const inner = config.layer;
  if (inner === null || typeof inner !== 'object' || Array.isArray(inner))
    throw new ArgumentError('Bidirectional', `expected config.layer to be a layer config, got ${typeof inner}`);
  const layer = layerFromConfig(inner as LayerConfig);
  try {
    return new Bidirectional({ ...(config as unknown as BidirectionalOptions), layer: layer as never });
  } catch (error) {
    layer.dispose();
    throw error;
  }
});
