/**
 * A CSS name or value with its escapes resolved as a browser would (CSS Syntax §4.3.7):
 * `\69` and `\000069 ` are "i", `\:` is ":". Checks run on this, so `@\69mport` and
 * `\65xpression(` are judged as `@import` and `expression(`.
 */
export function decodeCssEscapes(value: string): string {
  return value.replace(/\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|(\r\n|[\n\r\f])|([\s\S]))/g, (_, hex, newline, other) => {
    if (hex) {
      const code = Number.parseInt(hex, 16);
      return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)
        ? "\ufffd"
        : String.fromCodePoint(code);
    }
    if (newline) return "";
    return other ?? "\ufffd";
  });
}
