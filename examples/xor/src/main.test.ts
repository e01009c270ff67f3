import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

// Runs the example as a user would (`pnpm start --backend ...`) and reads what it prints.
const exampleRoot = fileURLToPath(new URL('..', import.meta.url));

test.each(['cpu', 'wasm'])('XOR on %s classifies all four points', (backend) => {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/main.ts', '--backend', backend], {
    cwd: exampleRoot,
    encoding: 'utf8',
  });
  expect(out).toMatch(/XOR\(0, 1\) = 1 {2}predicted 1/);
  expect(out).toMatch(/^accuracy: 100% on the four points$/m);
  expect(out).toContain(`(backend ${backend})`);
});
