// The docs test's own tests: blocks are found and sorted by their info string, unmarked or unknown
// ones are refused, and a block that fails, leaks or hangs fails its test.
import { describe, expect, test } from 'vitest';
import { extractCodeBlocks } from '../../../scripts/doc-code-blocks.js';
import { runDocBlock, typeCheckDocBlocks } from '../../../scripts/doc-examples.js';
import { browserUnavailableReason } from '../../../scripts/run-block-in-browser.js';

const packageDir = new URL('..', import.meta.url).pathname;
const fence = '```';

describe('extractCodeBlocks', () => {
  test('finds every fenced block with its line, kind and code, fence indentation removed', () => {
    const markdown = [
      '# Title',
      `${fence}ts`,
      'const a = 1;',
      fence,
      '- a list item:',
      `  ${fence}sh`,
      '  pnpm test',
      `  ${fence}`,
      '~~~text',
      'output',
      '~~~',
      `${fence}json`,
      '{ "a": 1 }',
      fence,
      `${fence}js skip="needs a browser page: tested in test/browser"`,
      'document.title;',
      fence,
      `${fence}ts browser`,
      'document.title;',
      fence,
    ].join('\n');
    const blocks = extractCodeBlocks(markdown, 'doc.md');
    expect(blocks.map(({ line, language, kind, code }) => ({ line, language, kind, code }))).toEqual([
      { line: 2, language: 'ts', kind: 'run', code: 'const a = 1;\n' },
      { line: 6, language: 'sh', kind: 'shell', code: 'pnpm test\n' },
      { line: 9, language: 'text', kind: 'text', code: 'output\n' },
      { line: 12, language: 'json', kind: 'json', code: '{ "a": 1 }\n' },
      { line: 15, language: 'js', kind: 'skip', code: 'document.title;\n' },
      { line: 18, language: 'ts', kind: 'browser', code: 'document.title;\n' },
    ]);
    expect(blocks[4]?.skipReason).toBe('needs a browser page: tested in test/browser');
  });

  test('refuses a block without a language, naming file and line', () => {
    expect(() => extractCodeBlocks(`text\n\n${fence}\nx\n${fence}\n`, 'README.md')).toThrow(
      /^README.md:3: code block without a language; mark it with one of ts, js, sh, bash, text, json$/,
    );
  });

  test('refuses an unknown language, a skip without a reason, other attributes and an unclosed block', () => {
    expect(() => extractCodeBlocks(`${fence}python\nx\n${fence}\n`, 'a.md')).toThrow(
      "a.md:1: unknown code block language 'python'",
    );
    expect(() => extractCodeBlocks(`${fence}ts skip\nx\n${fence}\n`, 'a.md')).toThrow("unknown info string 'ts skip'");
    expect(() => extractCodeBlocks(`${fence}ts skip="later"\nx\n${fence}\n`, 'a.md')).toThrow('skip="<reason>"');
    expect(() => extractCodeBlocks(`${fence}sh skip="not a runnable block"\nx\n${fence}\n`, 'a.md')).toThrow(
      'only a ts or js block',
    );
    expect(() => extractCodeBlocks(`${fence}ts\nx\n`, 'a.md')).toThrow('a.md:1: code block is never closed');
  });
});

describe('runDocBlock', () => {
  const block = (code: string) => ({ file: 'test.md', line: 7, language: 'ts', kind: 'run' as const, code });
  const header = "import * as tf from '@tensorflow/tfjs-core';\nimport { useBackend } from '@baihua/core';\n";

  test('runs a TypeScript block in its own process, tensors and variables it leaves freed', async () => {
    const code = `${header}await useBackend('cpu');
const v: tf.Variable = tf.variable(tf.ones([2]));
console.log(await tf.sum(v).data());
`;
    const result = await runDocBlock(block(code), packageDir);
    expect(result).toMatchObject({ exitCode: 0, timedOut: false });
    expect(result.output).toContain('Float32Array(1) [ 2 ]');
  });

  test('fails a block that uses an input it does not define', async () => {
    const result = await runDocBlock(block(`${header}await useBackend('cpu');\ntf.relu(x);\n`), packageDir);
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toContain('ReferenceError: x is not defined');
  });

  test('fails a block that leaves a kept tensor behind', async () => {
    const code = `${header}await useBackend('cpu');\ntf.keep(tf.zeros([3]));\ntf.ones([2]);\n`;
    const result = await runDocBlock(block(code), packageDir);
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('doc example leaked 1 tensor(s)');
  });

  // Without Chromium (and off CI) this one is reported as skipped, as the browser suites are.
  const noBrowser = browserUnavailableReason() !== undefined && !process.env.CI;
  test.skipIf(noBrowser)('runs a browser block in Chromium, with the same leak check', async () => {
    const browserBlock = (code: string) => ({ ...block(code), kind: 'browser' as const });
    const imports = "import '@tensorflow/tfjs-backend-cpu';\nimport * as tf from '@tensorflow/tfjs-core';\n";
    const good = await runDocBlock(
      browserBlock(`${imports}console.log(document.title === '', tf.ones([2]).shape);\n`),
      packageDir,
    );
    expect(good).toMatchObject({ exitCode: 0, timedOut: false });
    expect(good.output).toContain('true [2]');
    const leaky = await runDocBlock(browserBlock(`${imports}tf.keep(tf.zeros([3]));\n`), packageDir);
    expect(leaky.exitCode).toBe(1);
    expect(leaky.output).toContain('doc example leaked 1 tensor(s) in the page');
  });

  test('stops a block that runs past its timeout', async () => {
    const result = await runDocBlock(
      block('await new Promise((resolve) => setTimeout(resolve, 60_000));\n'),
      packageDir,
      3000,
    );
    expect(result.timedOut).toBe(true);
  });

  test('runs a block that imports vitest as a test file, and fails it when its test fails', async () => {
    const code = "import { expect, test } from 'vitest';\ntest('adds', () => {\n  expect(1 + 1).toBe(3);\n});\n";
    const result = await runDocBlock(block(code), packageDir);
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toContain('expected 2 to be 3');
  });
});

describe('typeCheckDocBlocks', () => {
  test('reports a type error at its line in the doc, and nothing for a block that compiles', () => {
    const header = "import * as tf from '@tensorflow/tfjs-core';\n";
    const good = { file: 'doc.md', line: 3, language: 'ts', kind: 'run' as const, code: `${header}tf.ones([2]);\n` };
    const bad = { ...good, line: 20, code: `${header}const n: number = tf.ones([2]);\n` };
    expect(typeCheckDocBlocks([good], packageDir)).toEqual([]);
    const problems = typeCheckDocBlocks([good, bad], packageDir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^doc\.md:22: Type 'Tensor<Rank>' is not assignable to type 'number'/);
  });
});
