export type TextPiece = { text: string; href: string | null };

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
// A sentence's full stop or closing bracket is not part of the address before it.
const TRAILING = /[.,;:!?)\]]+$/;

/** Splits mail text into plain runs and web addresses, so the addresses can be drawn as links. */
export function findLinks(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    const href = match[0].replace(TRAILING, "");
    if (start > last) pieces.push({ text: text.slice(last, start), href: null });
    pieces.push({ text: href, href });
    last = start + href.length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), href: null });
  return pieces;
}

/** The first link in the mail that leads into this app (a confirmation or reset link), if any. */
export function appLinkIn(text: string, origin: string): string | null {
  for (const piece of findLinks(text)) {
    if (!piece.href) continue;
    try {
      const url = new URL(piece.href);
      if (url.origin === origin && url.pathname.startsWith("/app/")) return piece.href;
    } catch {
      // Not a URL after all: keep looking.
    }
  }
  return null;
}
