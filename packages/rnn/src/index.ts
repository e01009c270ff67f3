// @baihua/rnn: the seed's sequence chapter as cells you can run, import and train.
// Importing this entry registers the recurrent layer types with core (its one side effect, listed in
// package.json `sideEffects`), so saved models holding them load without any further call.
import './layers/register-recurrent-layers.js';
// Registers the WebGPU fused sequence runner (a side effect, listed in package.json `sideEffects`).
import './fused/webgpu/register-webgpu-sequences.js';
// Registers the wasm fused sequence runner (a side effect, listed in package.json `sideEffects`).
import './fused/wasm/register-wasm-sequences.js';

export type { HiddenState, LstmState, RecurrentCell, RecurrentState, WeightLayout } from './cells/recurrent-cell.js';
export { isRecurrentCell } from './cells/recurrent-cell.js';
export type { CellOptions, CellWeights } from './cells/cell-weights.js';
export { GatedCell } from './cells/gated-cell.js';
export type { GatedCellSpec } from './cells/gated-cell.js';
export type { RecurrentActivationName } from './cells/recurrent-activation.js';
export { ElmanCell } from './cells/elman-cell.js';
export type { ElmanCellOptions } from './cells/elman-cell.js';
export { LstmCell } from './cells/lstm-cell.js';
export type { LstmCellOptions } from './cells/lstm-cell.js';
export { PeepholeLstmCell } from './cells/peephole-lstm-cell.js';
export type { PeepholeLstmCellOptions } from './cells/peephole-lstm-cell.js';
export { CoupledLstmCell } from './cells/coupled-lstm-cell.js';
export type { CoupledLstmCellOptions } from './cells/coupled-lstm-cell.js';
export { GruCell } from './cells/gru-cell.js';
export type { GruCellOptions } from './cells/gru-cell.js';

export { runSequence } from './sequence/run-sequence.js';
export type {
  FinalStateOf,
  RunSequenceOptions,
  SequenceLayer,
  SequenceModel,
  SequenceResult,
} from './sequence/sequence-types.js';
export {
  fusedSequenceRunnerFor,
  registerFusedSequenceRunner,
  setFusedSequences,
} from './fused/fused-sequence-registry.js';
export type { FusedSequenceRunner } from './fused/fused-sequence-registry.js';
export { BidirectionalCells } from './sequence/bidirectional-cells.js';
export type { BidirectionalCellsOptions } from './sequence/bidirectional-cells.js';
export type { BidirectionalMerge } from './sequence/merge-directions.js';
export { StackedRnn } from './sequence/stacked-rnn.js';

export { fromTorch } from './import/from-torch.js';
export type { FromTorchOptions } from './import/from-torch.js';
export { fromKeras } from './import/from-keras.js';
export type { FromKerasOptions, KerasRecurrentWeights } from './import/from-keras.js';

export { ctcGreedyDecode } from './ctc/ctc-greedy-decode.js';
export type { CtcGreedyOptions } from './ctc/ctc-greedy-decode.js';
export { ctcBeamSearchDecode } from './ctc/ctc-beam-search-decode.js';
export type { CtcBeamSearchOptions } from './ctc/ctc-beam-search-decode.js';
export type { CtcDecodeOptions, CtcDecodeResult } from './ctc/ctc-input.js';

export { RecurrentLayer } from './layers/recurrent-layer.js';
export type { RecurrentLayerOptions } from './layers/recurrent-layer.js';
export { SimpleRNN } from './layers/simple-rnn.js';
export type { SimpleRnnOptions } from './layers/simple-rnn.js';
export { LSTM } from './layers/lstm.js';
export type { LstmOptions } from './layers/lstm.js';
export { PeepholeLSTM } from './layers/peephole-lstm.js';
export type { PeepholeLstmOptions } from './layers/peephole-lstm.js';
export { CoupledLSTM } from './layers/coupled-lstm.js';
export { GRU } from './layers/gru.js';
export type { GruOptions } from './layers/gru.js';
export { Bidirectional } from './layers/bidirectional.js';
export type { BidirectionalOptions } from './layers/bidirectional.js';
