// The frame every browser test file shares: report a missing Chromium (a failure on CI, one skipped
// test with the reason elsewhere), else one browser session for the file, a first page opened.
import { afterAll, beforeAll, describe } from 'vitest';
import { useBackend } from '../../src/index.js';
import { reportUnavailable, requiredOnCi } from '../../src/testing/required-on-ci.js';
import { browserUnavailableReason, openPage, startBrowserSession, type BrowserSession } from './browser-harness.js';

/**
 * `describe(title, ...)` with a Chromium session: `body` gets a function returning the session
 * (started in beforeAll, closed in afterAll).
 */
export function describeInChromium(title: string, body: (session: () => BrowserSession) => void): void {
  const unavailable = browserUnavailableReason();
  if (unavailable !== undefined) {
    reportUnavailable('Chromium for the browser tests', unavailable, requiredOnCi('BAIHUA_REQUIRE_BROWSER'));
    return;
  }
  let session: BrowserSession | undefined;
  describe(title, () => {
    beforeAll(async () => {
      await useBackend('cpu');
      session = await startBrowserSession();
      await openPage(session);
    }, 120_000);
    afterAll(async () => {
      await session?.close();
    });
    body(() => session as BrowserSession);
  });
}
