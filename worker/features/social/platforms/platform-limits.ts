// The one table of what each network accepts: text length, hashtags, media count,
// types and sizes. The server checks posts against it and the composer shows the
// same numbers live (the SPA imports this file).

export const PLATFORMS = ["instagram", "facebook", "twitter", "linkedin", "tiktok", "youtube"] as const;
export type Platform = (typeof PLATFORMS)[number];

export type MediaKind = "image" | "video";

export type PlatformLimits = {
  label: string;
  maxChars: number;
  maxHashtags: number;
  maxMedia: number;
  /** Needs at least one media item (Instagram, TikTok and YouTube do not take text alone). */
  requiresMedia: boolean;
  mediaKinds: readonly MediaKind[];
  maxImageBytes: number;
  maxVideoBytes: number;
  /** Counts a link as this many characters whatever its length (X's t.co), or null. */
  linkLength: number | null;
};

const MB = 1024 * 1024;

export const PLATFORM_LIMITS: Record<Platform, PlatformLimits> = {
  twitter: {
    label: "X",
    maxChars: 280,
    maxHashtags: 10,
    // Up to 4 images through X's media upload; videos and GIFs (a chunked upload) are not sent from here.
    maxMedia: 4,
    requiresMedia: false,
    mediaKinds: ["image"],
    maxImageBytes: 5 * MB,
    maxVideoBytes: 512 * MB,
    linkLength: 23,
  },
  linkedin: {
    label: "LinkedIn",
    maxChars: 3000,
    maxHashtags: 30,
    maxMedia: 9,
    requiresMedia: false,
    // Images through the Images API; LinkedIn's video upload is not sent from here.
    mediaKinds: ["image"],
    maxImageBytes: 10 * MB,
    maxVideoBytes: 200 * MB,
    linkLength: null,
  },
  instagram: {
    label: "Instagram",
    maxChars: 2200,
    maxHashtags: 30,
    maxMedia: 10,
    requiresMedia: true,
    mediaKinds: ["image", "video"],
    maxImageBytes: 8 * MB,
    maxVideoBytes: 100 * MB,
    linkLength: null,
  },
  facebook: {
    label: "Facebook",
    maxChars: 63206,
    maxHashtags: 30,
    // Photos (several go up unpublished, then one feed post attaches them); a video is not sent from here.
    maxMedia: 10,
    requiresMedia: false,
    mediaKinds: ["image"],
    maxImageBytes: 10 * MB,
    maxVideoBytes: 1024 * MB,
    linkLength: null,
  },
  tiktok: {
    label: "TikTok",
    maxChars: 2200,
    maxHashtags: 30,
    maxMedia: 1,
    requiresMedia: true,
    mediaKinds: ["video"],
    maxImageBytes: 0,
    maxVideoBytes: 4096 * MB,
    linkLength: null,
  },
  youtube: {
    label: "YouTube",
    maxChars: 5000,
    maxHashtags: 15,
    maxMedia: 1,
    requiresMedia: true,
    mediaKinds: ["video"],
    maxImageBytes: 0,
    maxVideoBytes: 256 * 1024 * MB,
    linkLength: null,
  },
};

export type PostDraft = {
  content: string;
  hashtags: readonly string[];
  media: readonly { url: string; kind?: MediaKind | undefined; bytes?: number | undefined }[];
};

export type LimitProblem = { field: "content" | "hashtags" | "media_urls"; message: string };

const URL_PATTERN = /https?:\/\/\S+/g;
const VIDEO_EXTENSION = /\.(mp4|mov|m4v|webm)(\?|#|$)/i;

/** The media kind a URL names by its extension; images unless it looks like a video. */
export const mediaKindOf = (url: string): MediaKind => (VIDEO_EXTENSION.test(url) ? "video" : "image");

/** The text as the platform counts it: hashtags appended, links at their fixed length where the platform shortens them. */
export function countedLength(platform: Platform, draft: Pick<PostDraft, "content" | "hashtags">): number {
  const text = composeText(draft.content, draft.hashtags);
  const limits = PLATFORM_LIMITS[platform];
  const chars = [...text].length;
  if (limits.linkLength === null) return chars;
  let length = chars;
  for (const link of text.match(URL_PATTERN) ?? []) length += limits.linkLength - [...link].length;
  return length;
}

/** The text a platform receives: the content, then the hashtags not already in it. */
export function composeText(content: string, hashtags: readonly string[]): string {
  const present = new Set((content.match(/#[\p{L}\p{N}_]+/gu) ?? []).map((h) => h.slice(1).toLowerCase()));
  const extra = hashtags.filter((h) => !present.has(h.toLowerCase())).map((h) => `#${h}`);
  return extra.length ? `${content.trimEnd()}\n\n${extra.join(" ")}` : content;
}

/** Everything the platform would refuse about a post, in words for the person composing it. */
export function checkLimits(platform: Platform, draft: PostDraft): LimitProblem[] {
  const limits = PLATFORM_LIMITS[platform];
  const problems: LimitProblem[] = [];
  const length = countedLength(platform, draft);
  if (length > limits.maxChars) {
    problems.push({
      field: "content",
      message: `${limits.label} takes at most ${limits.maxChars} characters; this post has ${length}.`,
    });
  }
  const text = composeText(draft.content, draft.hashtags);
  const tags = new Set((text.match(/#[\p{L}\p{N}_]+/gu) ?? []).map((h) => h.toLowerCase()));
  if (tags.size > limits.maxHashtags) {
    problems.push({
      field: "hashtags",
      message: `${limits.label} takes at most ${limits.maxHashtags} hashtags; this post has ${tags.size}.`,
    });
  }
  if (draft.media.length > limits.maxMedia) {
    problems.push({
      field: "media_urls",
      message: `${limits.label} takes at most ${limits.maxMedia} media item${limits.maxMedia === 1 ? "" : "s"}.`,
    });
  }
  if (limits.requiresMedia && draft.media.length === 0) {
    problems.push({
      field: "media_urls",
      message: `${limits.label} needs at least one ${limits.mediaKinds.join(" or ")}.`,
    });
  }
  for (const item of draft.media) {
    const kind = item.kind ?? mediaKindOf(item.url);
    if (!limits.mediaKinds.includes(kind)) {
      problems.push({ field: "media_urls", message: `${limits.label} does not take ${kind}s: ${item.url}` });
      continue;
    }
    const max = kind === "video" ? limits.maxVideoBytes : limits.maxImageBytes;
    if (item.bytes !== undefined && item.bytes > max) {
      problems.push({
        field: "media_urls",
        message: `${limits.label} takes ${kind}s up to ${Math.round(max / MB)} MB: ${item.url}`,
      });
    }
  }
  return problems;
}
