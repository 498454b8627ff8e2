/** Hashtags as typed (spaces or commas, with or without #), the way the API stores them. */
export const splitHashtags = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((t) => t.replace(/^#/, ""))
    .filter(Boolean);

/** Media addresses, one per line (or space). */
export const splitMediaUrls = (text: string) =>
  text
    .split(/\s+/)
    .map((u) => u.trim())
    .filter(Boolean);
