// The `links` JSON of a bio page: validated on the way in, filtered for what a visitor
// may see on the way out. Pure, so the builder's preview applies the same rules.
import { z } from "zod";
import { safeLinkUrl } from "./safe-link-url";

export const MAX_LINKS = 50;

const instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString());

export const LinkInput = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, "Use letters, digits, - and _ (at most 64) for a link id.")
      .optional(),
    type: z.literal("link").default("link"),
    title: z.string().trim().min(1, "Give the link a title.").max(120, "Use at most 120 characters."),
    url: z
      .string()
      .trim()
      .max(2048, "Use at most 2,048 characters.")
      .transform((value, ctx) => {
        const safe = safeLinkUrl(value);
        if (!safe) {
          ctx.addIssue({
            code: "custom",
            message: "Use a full https://, http://, mailto: or tel: address.",
          });
          return z.NEVER;
        }
        return safe;
      }),
    icon: z.string().trim().max(16, "Use at most 16 characters for an icon.").nullable().optional(),
    is_active: z.boolean().default(true),
    featured: z.boolean().default(false),
    /** 18+: visitors confirm their age on an interstitial before they are sent on. */
    sensitive: z.boolean().default(false),
    starts_at: instant.nullable().optional(),
    ends_at: instant.nullable().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    /** Kept from the Mewayz platform's rows; the analytics tables count clicks now. */
    clicks: z.number().int().min(0).optional(),
  })
  .strict()
  .superRefine((link, ctx) => {
    if (link.starts_at && link.ends_at && link.starts_at >= link.ends_at) {
      ctx.addIssue({ code: "custom", path: ["ends_at"], message: "Choose an end after the start." });
    }
  });

export type BioLink = {
  id: string;
  type: "link";
  title: string;
  url: string;
  icon?: string | null;
  is_active: boolean;
  featured: boolean;
  sensitive: boolean;
  starts_at?: string | null;
  ends_at?: string | null;
  position: number;
  clicks?: number;
};

export const LinksInput = z.array(LinkInput).max(MAX_LINKS, `Use at most ${MAX_LINKS} links.`);

/** Links as stored: each with an id (made when missing), positions 0…n-1 in the given order. */
export function normalizeLinks(links: z.infer<typeof LinksInput>, makeId: () => string): BioLink[] {
  const sorted = links
    .map((link, index) => ({ link, index }))
    .sort((a, b) => (a.link.position ?? a.index) - (b.link.position ?? b.index) || a.index - b.index);
  return sorted.map(({ link }, position) => ({
    ...link,
    id: link.id ?? makeId(),
    position,
  }));
}

/**
 * Stored links read leniently: an entry that does not parse any more is left out, never
 * shown half-checked. One stored without an id (an imported Mewayz page) is known by its
 * place in the list until the page is next saved, which gives it one of its own.
 */
export function storedLinks(value: unknown): BioLink[] {
  if (!Array.isArray(value)) return [];
  const out: BioLink[] = [];
  value.forEach((raw, index) => {
    const parsed = LinkInput.safeParse(raw);
    if (parsed.success) {
      out.push({
        ...parsed.data,
        id: parsed.data.id ?? `link-${index}`,
        position: parsed.data.position ?? index,
      } as BioLink);
    }
  });
  return out.sort((a, b) => a.position - b.position);
}

/** Shown now: switched on and inside its schedule. */
export function isLinkLive(link: BioLink, now: Date): boolean {
  if (!link.is_active) return false;
  if (link.starts_at && new Date(link.starts_at).getTime() > now.getTime()) return false;
  if (link.ends_at && new Date(link.ends_at).getTime() <= now.getTime()) return false;
  return true;
}

/** The next moment a scheduled link appears or disappears, so a cached page expires then. */
export function nextScheduleChange(links: BioLink[], now: Date): Date | null {
  let next: number | null = null;
  for (const link of links) {
    if (!link.is_active) continue;
    for (const edge of [link.starts_at, link.ends_at]) {
      const t = edge ? new Date(edge).getTime() : Number.NaN;
      if (t > now.getTime() && (next === null || t < next)) next = t;
    }
  }
  return next === null ? null : new Date(next);
}
