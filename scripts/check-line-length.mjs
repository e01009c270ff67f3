// Fails when a source line is longer than the limit Biome formats to (biome.json lineWidth): the
// formatter wraps code, but not long strings and comments, which are what this catches.
// Usage: node scripts/check-line-length.mjs [files...]   (default: every tracked source file)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const limit = JSON.parse(readFileSync(new URL('../biome.json', import.meta.url), 'utf8')).formatter.lineWidth;
const sourcePattern = /\.(ts|mts|cts|js|mjs|cjs)$/;
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
        .split('\n')
        .filter((file) => sourcePattern.test(file));

const long = [];
for (const file of files) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.length > limit) long.push(`${file}:${index + 1}: ${line.length} characters`);
    });
}
if (long.length > 0) {
  process.stderr.write(`${long.join('\n')}\n${long.length} line(s) longer than ${limit} characters\n`);
  process.exit(1);
}
process.stdout.write(`line length: ${files.length} files, every line at most ${limit} characters\n`);
