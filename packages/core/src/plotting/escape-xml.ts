/**
 * Escapes text for SVG and other XML, in element content and in quoted attribute values alike:
 * `&` -> `&amp;`, `<` -> `&lt;`, `>` -> `&gt;`, `"` -> `&quot;`, `'` -> `&apos;`.
 *
 * @example
 * `<text>${escapeXml('loss < 0.1 & "done"')}</text>`; // <text>loss &lt; 0.1 &amp; &quot;done&quot;</text>
 *
 * In plain words: makes a label safe to put inside a picture's markup.
 */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );
}
