import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Database } from "../../db/database";
import { demoLogin } from "../../db/seed/demo-login";
import { seedDemoData } from "../../db/seed/seed-demo-data";
import { verifyPassword } from "../../worker/features/auth/password";
import { PreferencesSchema } from "../../worker/features/auth/schema";
import { findContacts } from "../../worker/features/crm/find-contacts";
import { resolveContactFilter } from "../../worker/features/crm/resolve-contact-filter";
import type { ContactFilter } from "../../worker/features/crm/schema";
import { workspaceClock } from "../../worker/lib/workspace-clock";

export function seedDemoDataSuite(dbOf: () => Database) {
  it("seeds users, workspaces with every role, social accounts, global templates and searchable contacts", async () => {
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
    // A week of the studio's calendar: posts out with engagement, a launch to two accounts, one awaiting approval.
    const posts = await db.q
      .select()
      .from(t.socialMediaPosts)
      .where(eq(t.socialMediaPosts.workspace_id, seeded.workspaces.studio.id));
    const byStatus = (status: string) => posts.filter((p) => p.status === status);
    expect(byStatus("published").length).toBeGreaterThan(0);
    for (const post of byStatus("published")) {
      expect(post.published_at?.getTime()).toBeLessThan(Date.now());
      expect(post.engagement_metrics).toMatchObject({ likes: expect.any(Number), impressions: expect.any(Number) });
    }
    const scheduled = byStatus("scheduled");
    expect(scheduled.every((p) => (p.scheduled_at?.getTime() ?? 0) > Date.now())).toBe(true);
    const launch = scheduled.filter((p) => p.group_id !== null);
    expect(new Set(launch.map((p) => p.social_media_account_id)).size).toBe(2);
    expect(new Set(launch.map((p) => p.group_id)).size).toBe(1);
    expect(byStatus("pending_approval")).toHaveLength(1);
    expect(byStatus("draft")).toHaveLength(1);
    const templates = await db.q.select().from(t.emailTemplates).where(eq(t.emailTemplates.is_global, true));
    expect(templates.length).toBeGreaterThan(0);
    expect(templates.every((tpl) => tpl.workspace_id === null)).toBe(true);

    // Contacts with the tag rows and search terms the app writes: search and the tag filter find them.
    const names = async (filter: Partial<ContactFilter>) =>
      (
        await findContacts(
          db,
          seeded.workspaces.studio.id,
          resolveContactFilter(filter, workspaceClock({ settings: {} })),
          { by: "name", order: "asc" },
          { position: null, limit: 50 },
        )
      ).map((row) => `${row.first_name} ${row.last_name}`);
    expect(await names({ q: "emma" })).toEqual(["Emma Thompson"]);
    expect(await names({ q: "bakery" })).toEqual(["Emma Thompson"]);
    expect(await names({ tags: ["food"] })).toEqual(["Emma Thompson"]);
  });
}
