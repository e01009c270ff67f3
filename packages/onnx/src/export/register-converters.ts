// Registers every layer converter (imported once by exportOnnx).
import './convert-dense.js';
import './convert-graph.js';
import './convert-shape-layers.js';
import './convert-conv.js';
import './convert-pool.js';
import './convert-recurrent.js';
import './convert-norm.js';
import './convert-merge.js';
