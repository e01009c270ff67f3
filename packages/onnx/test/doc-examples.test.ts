// Runs every code block of this package's docs as written (see scripts/doc-examples.ts).
import { describeDocExamples } from '../../../scripts/doc-examples.js';

describeDocExamples(new URL('..', import.meta.url));
