import { libraryConfig } from '../../scripts/tsup-library.js';

// Keep function names (relu.name === 'relu'); esbuild would otherwise rename clashes to relu3.
export default libraryConfig({ keepNames: true });
