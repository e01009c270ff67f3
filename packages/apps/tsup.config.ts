import { libraryConfig } from '../../scripts/tsup-library.js';

// One entry per application, each its own subpath export (`@baihua/apps/cardiac`, ...), so a user
// loads only the application they import.
export default libraryConfig({
  entry: {
    'cardiac/index': 'src/cardiac/index.ts',
    'adversarial/index': 'src/adversarial/index.ts',
    'explain/index': 'src/explain/index.ts',
    'distill/index': 'src/distill/index.ts',
    'style/index': 'src/style/index.ts',
    'face/index': 'src/face/index.ts',
    'speech/index': 'src/speech/index.ts',
    'translation/index': 'src/translation/index.ts',
    'captioning/index': 'src/captioning/index.ts',
    'forecasting/index': 'src/forecasting/index.ts',
    'text/index': 'src/text/index.ts',
  },
});
