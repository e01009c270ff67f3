import { test } from 'vitest';
import { cjkFontFiles } from './cjk-font-files.js';

/**
 * The installed Debian CJK fonts for tests, by file-name start ('ukai', 'LXGWWenKai-Regular'), or
 * the reason they cannot run.
 */
export function testFonts(): { font: (start: string) => string; missing?: string } {
  let files: string[] = [];
  try {
    files = cjkFontFiles();
  } catch (error) {
    return { font: () => '', missing: error instanceof Error ? error.message : String(error) };
  }
  const wanted = ['ukai', 'gkai00mp', 'gbsn00lp', 'wqy-microhei', 'LXGWWenKai-Regular'];
  const absent = wanted.filter((start) => !files.some((file) => file.split('/').pop()?.startsWith(start)));
  const font = (start: string): string => files.find((file) => file.split('/').pop()?.startsWith(start)) ?? '';
  return absent.length === 0 ? { font } : { font, missing: `font files missing: ${absent.join(', ')}` };
}

/**
 * Stands for the font tests that cannot run: skipped with the reason locally, failing on CI (`CI`
 * set) or with BAIHUA_REQUIRE_FONTS=1; BAIHUA_REQUIRE_FONTS=0 lets CI skip. The rule of core's
 * requiredOnCi/reportUnavailable, which @baihua/core/testing does not export.
 */
export function reportMissingFonts(reason: string): void {
  const { CI: ci, BAIHUA_REQUIRE_FONTS: override } = process.env;
  const required = override === '1' || (ci !== undefined && ci !== '' && ci !== 'false' && override !== '0');
  if (required)
    test("Debian's CJK fonts are available (required on CI)", () => {
      throw new Error(`Debian's CJK fonts are required here but unavailable: ${reason}`);
    });
  else test.skip(`Debian's CJK fonts unavailable: ${reason}`, () => {});
}
