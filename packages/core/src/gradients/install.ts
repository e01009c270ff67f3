// Side effect of importing @baihua/core (or its testing entry): every tfjs gradient is registered.
import { registerTfjsGradients } from './register-gradients.js';

registerTfjsGradients();
