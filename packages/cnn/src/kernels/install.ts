// Side effect of importing @baihua/cnn: the wasm training kernels and the exact MaxPool gradient.
import { registerCnnKernels } from './register-cnn-kernels.js';

registerCnnKernels();
