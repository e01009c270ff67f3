// One copy of each shared helper: the PNG writer (with its CRC-32) and escapeXml live in
// @baihua/core and are exported; the examples and the bench import them instead of copying.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { expect, test } from 'vitest';
import { isTestFile, root, typeScriptFiles, workspacePackages } from './workspace.js';

const sources = workspacePackages()
  .flatMap((p) => typeScriptFiles(p.dir))
  .map((file) => ({ file: relative(root, file), text: readFileSync(file, 'utf8') }));

const definitions: [string, RegExp, string][] = [
  ['escapeXml', /function escapeXml\b|const escapeXml\s*=/, 'packages/core/src/plotting/escape-xml.ts'],
  ['CRC-32 (its polynomial)', /0xedb88320/i, 'packages/core/src/plotting/crc32.ts'],
  ['a PNG signature', /0x89,\s*0x50,\s*0x4e,\s*0x47/i, 'packages/core/src/plotting/png-encoder.ts'],
];

test.each(definitions)('%s is defined once, in core', (_what, pattern, home) => {
  const found = sources.filter(({ file, text }) => pattern.test(text) && !isTestFile(file));
  expect(found.map((s) => s.file)).toEqual([home]);
});
