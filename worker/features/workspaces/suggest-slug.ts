import { eq, like, or } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { RESERVED_SLUGS } from "./schema";

/** "Northwind Studio!" → "northwind-studio"; accents folded, at most 48 characters. */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return base.length >= 3 ? base : `${base || "workspace"}-space`.replace(/^-/, "");
}

/** The slug itself when free, else the first free `slug-2`, `slug-3`, … in one query. */
export async function suggestFreeSlug(db: Database, wanted: string): Promise<string> {
  const { workspaces } = db.t;
  const taken = new Set(
    (
      await db.q
        .select({ slug: workspaces.slug })
        .from(workspaces)
        .where(or(eq(workspaces.slug, wanted), like(workspaces.slug, `${wanted}-%`)))
    ).map((r) => r.slug),
  );
  if (!taken.has(wanted) && !RESERVED_SLUGS.has(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted.slice(0, 44)}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export async function isSlugTaken(db: Database, slug: string, exceptId?: string): Promise<boolean> {
  const { workspaces } = db.t;
  const [row] = await db.q.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, slug)).limit(1);
  return Boolean(row && row.id !== exceptId);
}
