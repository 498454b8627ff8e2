import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Database } from "../../db/database";
import { demoLogin } from "../../db/seed/demo-login";
import { seedDemoData } from "../../db/seed/seed-demo-data";
import { verifyPassword } from "../../worker/features/auth/password";
import { PreferencesSchema } from "../../worker/features/auth/schema";

export function seedDemoDataSuite(dbOf: () => Database) {
  it("seeds users, workspaces with every role, social accounts and global templates", async () => {
    const db = dbOf();
    const seeded = await seedDemoData(db);
    const { t } = db;
    const [owner] = await db.q.select().from(t.users).where(eq(t.users.email, demoLogin.email));
    expect(owner).toMatchObject({ id: seeded.owner.id, status: "active", role: "admin" });
    expect(owner?.email_verified_at).toBeInstanceOf(Date);
    expect((await verifyPassword(demoLogin.password, owner?.password ?? null)).ok).toBe(true);
    expect(PreferencesSchema.safeParse(owner?.preferences).success).toBe(true);

    const roles = await db.q
      .select({ role: t.workspaceMembers.role })
      .from(t.workspaceMembers)
      .where(eq(t.workspaceMembers.workspace_id, seeded.workspaces.studio.id));
    expect(new Set(roles.map((r) => r.role))).toEqual(new Set(["owner", "admin", "editor", "contributor", "viewer"]));
    expect(await db.q.$count(t.socialMediaAccounts)).toBe(seeded.rows.social_media_accounts);
    expect(seeded.rows.social_media_accounts).toBeGreaterThan(0);
    const templates = await db.q.select().from(t.emailTemplates).where(eq(t.emailTemplates.is_global, true));
    expect(templates.length).toBeGreaterThan(0);
    expect(templates.every((tpl) => tpl.workspace_id === null)).toBe(true);
  });
}
