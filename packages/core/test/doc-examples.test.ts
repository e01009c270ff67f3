// Runs every code block of this package's docs and of the root README as written, and checks that
// every doc of the repository is in the docs test (see scripts/doc-examples.ts).
import { describeDocExamples, describeDocsCoverage } from '../../../scripts/doc-examples.js';

describeDocsCoverage();
describeDocExamples(new URL('..', import.meta.url));
