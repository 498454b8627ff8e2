// From a validated request body to the values written to the row, and the checks
// that need the row or the caller: whose role may publish, take a slug or a domain.
import { and, eq, ne } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { uuidv7 } from "../../../db/uuidv7";
import { changedFields } from "../../lib/activity";
import { randomToken } from "../../lib/crypto";
import { AppError } from "../../lib/errors";
import type { WorkspaceAccess } from "../../lib/workspace-access";
import { normalizeLinks } from "./bio-links";
import type { PageRow } from "./get-page-or-throw";
import type { CreatePageBody, UpdatePageBody } from "./schema";

export type PageValues = Partial<
  Pick<
    PageRow,
    | "title"
    | "slug"
    | "bio"
    | "profile_picture"
    | "background_image"
    | "theme"
    | "links"
    | "is_active"
    | "seo_title"
    | "seo_description"
    | "custom_css"
    | "custom_domain"
    | "custom_domain_token"
    | "custom_domain_verified_at"
  >
>;

const linkId = () => uuidv7();

export function pageValues(input: UpdatePageBody | CreatePageBody): PageValues {
  const { links, theme, bio, custom_css, ...rest } = input;
  const values: PageValues = { ...rest };
  if (links !== undefined) values.links = normalizeLinks(links, linkId) as unknown as PageValues["links"];
  if (theme !== undefined) values.theme = theme as PageValues["theme"];
  if (bio !== undefined) values.bio = bio === "" ? null : bio;
  if (custom_css !== undefined) values.custom_css = custom_css?.trim() ? custom_css : null;
  if (values.custom_domain !== undefined) {
    // A new domain must be proved again; the token is what the owner publishes in DNS.
    values.custom_domain_token = values.custom_domain ? randomToken(18) : null;
    values.custom_domain_verified_at = null;
  }
  return values;
}

/** Publishing, and changing where a page lives, are for editors and up; contributors work on drafts. */
export function assertMayChange(access: WorkspaceAccess, before: PageRow | null, values: PageValues): void {
  const canPublish = access.permissions.includes("bio.pages.publish");
  if (canPublish) return;
  const refuse = (what: string) => {
    throw new AppError("forbidden", `Your role (${access.role}) cannot ${what}; ask an editor.`, {
      action: "bio.pages.publish",
      role: access.role,
    });
  };
  if (before === null) {
    if (values.is_active === true) refuse("publish a page");
    if (values.custom_domain) refuse("set a custom domain");
    return;
  }
  if (before.is_active) refuse("edit a published page");
  if (values.is_active === true) refuse("publish a page");
  if (values.slug !== undefined && values.slug !== before.slug) refuse("change a page's address");
  if (values.custom_domain !== undefined && values.custom_domain !== before.custom_domain) {
    refuse("change a page's custom domain");
  }
}

/** 409 when another page has the slug or domain (any workspace: addresses are global). */
export async function assertAddressFree(db: Database, values: PageValues, pageId: string | null): Promise<void> {
  const t = db.t.linkInBioPages;
  const other = pageId ? ne(t.id, pageId) : undefined;
  if (values.slug) {
    const [taken] = await db.q
      .select({ id: t.id })
      .from(t)
      .where(and(eq(t.slug, values.slug), other))
      .limit(1);
    if (taken) {
      throw new AppError("conflict", "This address is taken; choose another.", { field: "slug", slug: values.slug });
    }
  }
  if (values.custom_domain) {
    const [taken] = await db.q
      .select({ id: t.id })
      .from(t)
      .where(and(eq(t.custom_domain, values.custom_domain), other))
      .limit(1);
    if (taken) {
      throw new AppError("conflict", "Another page already uses this domain.", {
        field: "custom_domain",
        custom_domain: values.custom_domain,
      });
    }
  }
}

/** Images must be this page's own uploads. */
export function assertOwnMedia(pageId: string, values: PageValues): void {
  for (const field of ["profile_picture", "background_image"] as const) {
    const url = values[field];
    if (url && !url.startsWith(`/bio-media/${pageId}/`)) {
      throw new AppError("validation_failed", "Some fields are missing or invalid.", [
        { path: field, message: "Use an image uploaded to this page.", code: "custom" },
      ]);
    }
  }
}

/** `{ field: { from, to } }` for the log and the feed; long texts as lengths, tokens hidden. */
export function pageChanges(before: PageRow, next: PageValues) {
  const changes = changedFields(before as unknown as Record<string, unknown>, next as Record<string, unknown>);
  for (const field of ["bio", "custom_css"] as const) {
    if (changes[field]) {
      changes[field] = { from: { length: before[field]?.length ?? 0 }, to: { length: next[field]?.length ?? 0 } };
    }
  }
  if (changes.links)
    changes.links = { from: { count: storedCount(before.links) }, to: { count: storedCount(next.links) } };
  delete changes.custom_domain_token;
  if (changes.custom_domain_verified_at) {
    changes.custom_domain_verified = {
      from: before.custom_domain_verified_at !== null,
      to: next.custom_domain_verified_at !== null,
    };
    delete changes.custom_domain_verified_at;
  }
  return changes;
}

const storedCount = (links: unknown) => (Array.isArray(links) ? links.length : 0);
