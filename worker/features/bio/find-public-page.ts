import { and, eq, isNotNull } from "drizzle-orm";
import type { Database } from "../../../db/database";
import type { PageRow } from "./get-page-or-throw";

/** The published page at a slug, or null. */
export async function findPageBySlug(db: Database, slug: string): Promise<PageRow | null> {
  const t = db.t.linkInBioPages;
  const [row] = await db.q
    .select()
    .from(t)
    .where(and(eq(t.slug, slug), eq(t.is_active, true)))
    .limit(1);
  return row ?? null;
}

/** The published page of a verified custom domain, or null. */
export async function findPageByDomain(db: Database, host: string): Promise<PageRow | null> {
  const t = db.t.linkInBioPages;
  const [row] = await db.q
    .select()
    .from(t)
    .where(and(eq(t.custom_domain, host), isNotNull(t.custom_domain_verified_at), eq(t.is_active, true)))
    .limit(1);
  return row ?? null;
}

/** A published page by id, for the click redirect. */
export async function findPublishedPage(db: Database, pageId: string): Promise<PageRow | null> {
  const t = db.t.linkInBioPages;
  const [row] = await db.q
    .select()
    .from(t)
    .where(and(eq(t.id, pageId), eq(t.is_active, true)))
    .limit(1);
  return row ?? null;
}

/** The page whose verified custom domain this is, published or not (the domain shows nothing else). */
export async function findDomainOwner(db: Database, host: string): Promise<string | null> {
  const t = db.t.linkInBioPages;
  const [row] = await db.q
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.custom_domain, host), isNotNull(t.custom_domain_verified_at)))
    .limit(1);
  return row?.id ?? null;
}
