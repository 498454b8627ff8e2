// The same CRUD stories for every table family, run on D1 (crud.test.ts, inside
// workerd) and on MariaDB (crud.mysql.test.ts, in Node) through the shared data layer.
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "../../db/database";
import { uuidv7 } from "../../db/uuidv7";

const unique = () => Math.random().toString(36).slice(2, 10);

async function createUser(db: Database, name = "Ada Lovelace") {
  const id = uuidv7();
  await db.atomic((q) => [
    q.insert(db.t.users).values({ id, name, email: `${unique()}@example.com`, password: "$scrypt$x" }),
  ]);
  return id;
}

async function createWorkspace(db: Database, ownerId: string) {
  const id = uuidv7();
  await db.atomic((q) => [
    q.insert(db.t.workspaces).values({ id, name: "Studio", slug: `studio-${unique()}`, owner_id: ownerId }),
    q
      .insert(db.t.workspaceMembers)
      .values({ workspace_id: id, user_id: ownerId, role: "owner", joined_at: new Date() }),
  ]);
  return id;
}

const secondsAgo = (s: number) => new Date(Math.floor(Date.now() / 1000 - s) * 1000);

export function crudSuite(dbOf: () => Database) {
  describe("users, sessions and tokens", () => {
    it("round-trips a user with the seed's defaults, JSON and timestamps", async () => {
      const db = dbOf();
      const verified = secondsAgo(60);
      const id = uuidv7();
      await db.atomic((q) => [
        q.insert(db.t.users).values({
          id,
          name: "Grace Hopper",
          email: `grace-${unique()}@example.com`,
          password: "$scrypt$x",
          email_verified_at: verified,
          preferences: { theme: "dark", digest: { weekly: true } },
        }),
      ]);
      const [user] = await db.q.select().from(db.t.users).where(eq(db.t.users.id, id));
      expect(user).toMatchObject({
        id,
        name: "Grace Hopper",
        role: "user",
        status: "active",
        google_id: null,
        preferences: { theme: "dark", digest: { weekly: true } },
        email_verified_at: verified,
      });
      expect(user?.created_at).toBeInstanceOf(Date);
      expect(Math.abs((user?.created_at?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);

      const [changed] = await db.atomic((q) => [
        q.update(db.t.users).set({ status: "suspended", name: "G. Hopper" }).where(eq(db.t.users.id, id)),
      ]);
      expect(changed?.rowsAffected).toBe(1);
      const [after] = await db.q.select().from(db.t.users).where(eq(db.t.users.id, id));
      expect(after).toMatchObject({ status: "suspended", name: "G. Hopper" });
      expect(after?.updated_at?.getTime()).toBeGreaterThanOrEqual(user?.updated_at?.getTime() ?? 0);
    });

    it("keeps emails unique", async () => {
      const db = dbOf();
      const email = `dup-${unique()}@example.com`;
      await db.atomic((q) => [q.insert(db.t.users).values({ name: "One", email, password: "x" })]);
      await expect(
        db.atomic((q) => [q.insert(db.t.users).values({ name: "Two", email, password: "x" })]),
      ).rejects.toThrow();
    });

    it("stores sessions and Sanctum tokens, with auto-increment ids made by the database", async () => {
      const db = dbOf();
      const userId = await createUser(db);
      const token = `${unique()}${unique()}`;
      await db.atomic((q) => [
        q
          .insert(db.t.sessions)
          .values({ id: `s-${unique()}`, user_id: userId, payload: "{}", last_activity: 1_700_000_000 }),
        q.insert(db.t.personalAccessTokens).values({
          tokenable_type: "App\\Models\\User",
          tokenable_id: userId,
          name: "CI",
          token,
          abilities: '["read"]',
        }),
      ]);
      const [pat] = await db.q
        .select()
        .from(db.t.personalAccessTokens)
        .where(eq(db.t.personalAccessTokens.token, token));
      expect(pat?.id).toBeTypeOf("number");
      expect(pat?.id).toBeGreaterThan(0);
      expect(pat?.tokenable_type).toBe("App\\Models\\User");
      const sessions = await db.q.select().from(db.t.sessions).where(eq(db.t.sessions.user_id, userId));
      expect(sessions).toHaveLength(1);
    });
  });

  describe("workspaces, members and invitations", () => {
    it("creates a workspace with its owner, and cascades its deletion", async () => {
      const db = dbOf();
      const ownerId = await createUser(db);
      const workspaceId = await createWorkspace(db, ownerId);
      const inviteeToken = `tok-${unique()}`;
      await db.atomic((q) => [
        q.insert(db.t.workspaceInvitations).values({
          workspace_id: workspaceId,
          email: "new@example.com",
          token: inviteeToken,
          invited_by: ownerId,
          expires_at: new Date(Date.now() + 7 * 86_400_000),
        }),
      ]);
      const members = await db.q
        .select()
        .from(db.t.workspaceMembers)
        .where(eq(db.t.workspaceMembers.workspace_id, workspaceId));
      expect(members.map((m) => m.role)).toEqual(["owner"]);
      const [invitation] = await db.q
        .select()
        .from(db.t.workspaceInvitations)
        .where(eq(db.t.workspaceInvitations.token, inviteeToken));
      expect(invitation).toMatchObject({ role: "viewer", status: "pending" });

      await db.atomic((q) => [q.delete(db.t.workspaces).where(eq(db.t.workspaces.id, workspaceId))]);
      expect(await db.q.$count(db.t.workspaceMembers, eq(db.t.workspaceMembers.workspace_id, workspaceId))).toBe(0);
      expect(
        await db.q.$count(db.t.workspaceInvitations, eq(db.t.workspaceInvitations.workspace_id, workspaceId)),
      ).toBe(0);
    });

    it("refuses a second membership of the same user", async () => {
      const db = dbOf();
      const ownerId = await createUser(db);
      const workspaceId = await createWorkspace(db, ownerId);
      await expect(
        db.atomic((q) => [q.insert(db.t.workspaceMembers).values({ workspace_id: workspaceId, user_id: ownerId })]),
      ).rejects.toThrow();
    });

    it("writes all of a unit or none of it", async () => {
      const db = dbOf();
      const ownerId = await createUser(db);
      const workspaceId = uuidv7();
      await expect(
        db.atomic((q) => [
          q
            .insert(db.t.workspaces)
            .values({ id: workspaceId, name: "Half", slug: `half-${unique()}`, owner_id: ownerId }),
          // a member of a user that does not exist: the foreign key fails the unit
          q.insert(db.t.workspaceMembers).values({ workspace_id: workspaceId, user_id: uuidv7() }),
        ]),
      ).rejects.toThrow();
      expect(await db.q.$count(db.t.workspaces, eq(db.t.workspaces.id, workspaceId))).toBe(0);
    });
  });

  describe("social accounts and posts", () => {
    it("schedules a post on an account and finds it due", async () => {
      const db = dbOf();
      const userId = await createUser(db);
      const workspaceId = await createWorkspace(db, userId);
      const accountId = uuidv7();
      const postId = uuidv7();
      const due = secondsAgo(30);
      await db.atomic((q) => [
        q.insert(db.t.socialMediaAccounts).values({
          id: accountId,
          workspace_id: workspaceId,
          platform: "instagram",
          account_id: "1789",
          username: "studio",
          account_info: { followers: 1200 },
        }),
        q.insert(db.t.socialMediaPosts).values({
          id: postId,
          workspace_id: workspaceId,
          social_media_account_id: accountId,
          content: "Launch day ✨",
          hashtags: ["launch", "studio"],
          status: "scheduled",
          scheduled_at: due,
          created_by: userId,
        }),
      ]);
      const duePosts = await db.q
        .select()
        .from(db.t.socialMediaPosts)
        .where(and(eq(db.t.socialMediaPosts.workspace_id, workspaceId), eq(db.t.socialMediaPosts.status, "scheduled")));
      expect(duePosts).toHaveLength(1);
      expect(duePosts[0]).toMatchObject({
        content: "Launch day ✨",
        hashtags: ["launch", "studio"],
        scheduled_at: due,
      });

      // compare-and-set: only one claimer wins
      const claim = () =>
        db.atomic((q) => [
          q
            .update(db.t.socialMediaPosts)
            .set({ status: "published", external_post_id: "ext-1" })
            .where(and(eq(db.t.socialMediaPosts.id, postId), eq(db.t.socialMediaPosts.status, "scheduled"))),
        ]);
      expect((await claim())[0]?.rowsAffected).toBe(1);
      expect((await claim())[0]?.rowsAffected).toBe(0);

      await db.atomic((q) => [q.delete(db.t.socialMediaAccounts).where(eq(db.t.socialMediaAccounts.id, accountId))]);
      expect(await db.q.$count(db.t.socialMediaPosts, eq(db.t.socialMediaPosts.id, postId))).toBe(0);
    });
  });

  describe("link-in-bio pages", () => {
    it("keeps links JSON, booleans and counters", async () => {
      const db = dbOf();
      const userId = await createUser(db);
      const workspaceId = await createWorkspace(db, userId);
      const id = uuidv7();
      const slug = `ada-${unique()}`;
      const links = [{ id: "l1", title: "Shop", url: "https://example.com/shop", enabled: true }];
      await db.atomic((q) => [
        q.insert(db.t.linkInBioPages).values({ id, workspace_id: workspaceId, title: "Ada", slug, links }),
      ]);
      await db.atomic((q) => [
        q
          .update(db.t.linkInBioPages)
          .set({ total_views: sql`${db.t.linkInBioPages.total_views} + 3`, is_active: false })
          .where(eq(db.t.linkInBioPages.id, id)),
      ]);
      const [page] = await db.q.select().from(db.t.linkInBioPages).where(eq(db.t.linkInBioPages.slug, slug));
      expect(page).toMatchObject({ links, is_active: false, total_views: 3, total_clicks: 0 });
    });
  });

  describe("email campaigns, templates and audiences", () => {
    it("keeps decimal rates exact and global templates without a workspace", async () => {
      const db = dbOf();
      const userId = await createUser(db);
      const workspaceId = await createWorkspace(db, userId);
      const campaignId = uuidv7();
      const templateId = uuidv7();
      await db.atomic((q) => [
        q.insert(db.t.emailTemplates).values({
          id: templateId,
          name: "Welcome",
          content: "<h1>Hi {{first_name}}</h1>",
          category: "welcome",
          is_global: true,
          created_by: userId,
        }),
        q.insert(db.t.emailAudiences).values({
          workspace_id: workspaceId,
          name: "Customers",
          criteria: { status: ["customer"] },
          created_by: userId,
        }),
        q.insert(db.t.emailCampaigns).values({
          id: campaignId,
          workspace_id: workspaceId,
          subject: "November news",
          sender: "news@example.com",
          template: templateId,
          audience: "Customers",
          open_rate: "42.50",
          created_by: userId,
        }),
      ]);
      const [campaign] = await db.q.select().from(db.t.emailCampaigns).where(eq(db.t.emailCampaigns.id, campaignId));
      expect(campaign).toMatchObject({ status: "draft", open_rate: "42.50", click_rate: "0.00", sent_count: 0 });
      const [template] = await db.q.select().from(db.t.emailTemplates).where(eq(db.t.emailTemplates.id, templateId));
      expect(template).toMatchObject({ workspace_id: null, is_global: true });
    });
  });

  describe("CRM contacts", () => {
    it("lists a workspace's contacts in pages by id, never another workspace's", async () => {
      const db = dbOf();
      const userId = await createUser(db);
      const mine = await createWorkspace(db, userId);
      const theirs = await createWorkspace(db, userId);
      const ids: string[] = [];
      await db.atomic((q) =>
        ["Ana", "Ben", "Cy", "Di", "Ed"].map((first_name, i) => {
          const id = uuidv7();
          ids.push(id);
          return q.insert(db.t.crmContacts).values({
            id,
            workspace_id: i === 2 ? theirs : mine,
            first_name,
            last_name: "Doe",
            tags: ["vip"],
            lead_score: i * 10,
            created_by: userId,
          });
        }),
      );
      const page1 = await db.q
        .select()
        .from(db.t.crmContacts)
        .where(eq(db.t.crmContacts.workspace_id, mine))
        .orderBy(asc(db.t.crmContacts.id))
        .limit(2);
      const page2 = await db.q
        .select()
        .from(db.t.crmContacts)
        .where(and(eq(db.t.crmContacts.workspace_id, mine), gt(db.t.crmContacts.id, page1[1]?.id ?? "")))
        .orderBy(asc(db.t.crmContacts.id))
        .limit(2);
      expect([...page1, ...page2].map((c) => c.first_name)).toEqual(["Ana", "Ben", "Di", "Ed"]);
      expect(page2[0]).toMatchObject({ status: "lead", tags: ["vip"], lead_score: 30 });
    });
  });

  describe("courses, modules and lessons", () => {
    it("cascades a course to its modules and lessons", async () => {
      const db = dbOf();
      const userId = await createUser(db);
      const workspaceId = await createWorkspace(db, userId);
      const courseId = uuidv7();
      const moduleId = uuidv7();
      await db.atomic((q) => [
        q.insert(db.t.courses).values({
          id: courseId,
          workspace_id: workspaceId,
          title: "Shooting on a phone",
          slug: `phone-${unique()}`,
          price: "49.00",
          created_by: userId,
        }),
        q.insert(db.t.courseModules).values({ id: moduleId, course_id: courseId, title: "Light", order_index: 1 }),
        q.insert(db.t.courseLessons).values({
          course_id: courseId,
          module_id: moduleId,
          title: "Golden hour",
          order_index: 1,
          is_free: true,
        }),
      ]);
      const [course] = await db.q.select().from(db.t.courses).where(eq(db.t.courses.id, courseId));
      expect(course).toMatchObject({ price: "49.00", currency: "USD", status: "draft", difficulty_level: "beginner" });
      const [lesson] = await db.q.select().from(db.t.courseLessons).where(eq(db.t.courseLessons.module_id, moduleId));
      expect(lesson).toMatchObject({ is_free: true, duration_minutes: 0 });
      await db.atomic((q) => [q.delete(db.t.courses).where(eq(db.t.courses.id, courseId))]);
      expect(await db.q.$count(db.t.courseLessons, eq(db.t.courseLessons.course_id, courseId))).toBe(0);
      expect(await db.q.$count(db.t.courseModules, eq(db.t.courseModules.course_id, courseId))).toBe(0);
    });
  });

  describe("products, payments and subscriptions", () => {
    it("records a paid checkout and a subscription period", async () => {
      const db = dbOf();
      const userId = await createUser(db);
      const workspaceId = await createWorkspace(db, userId);
      const productId = uuidv7();
      const sessionId = `cs_test_${unique()}`;
      const start = secondsAgo(3600);
      const end = new Date(start.getTime() + 30 * 86_400_000);
      await db.atomic((q) => [
        q.insert(db.t.products).values({
          id: productId,
          workspace_id: workspaceId,
          name: "Preset pack",
          slug: `presets-${unique()}`,
          price: "19.99",
          images: ["https://cdn.example.com/p.jpg"],
          dimensions: { w: 1, h: 2 },
          created_by: userId,
        }),
        q.insert(db.t.paymentTransactions).values({
          workspace_id: workspaceId,
          user_id: userId,
          amount: "19.99",
          stripe_session_id: sessionId,
          metadata: { product_id: productId },
        }),
        q.insert(db.t.subscriptions).values({
          workspace_id: workspaceId,
          user_id: userId,
          plan_id: "pro",
          current_period_start: start,
          current_period_end: end,
        }),
      ]);
      await db.atomic((q) => [
        q
          .update(db.t.paymentTransactions)
          .set({ payment_status: "paid" })
          .where(eq(db.t.paymentTransactions.stripe_session_id, sessionId)),
      ]);
      const [payment] = await db.q
        .select()
        .from(db.t.paymentTransactions)
        .where(eq(db.t.paymentTransactions.stripe_session_id, sessionId));
      expect(payment).toMatchObject({
        amount: "19.99",
        currency: "USD",
        payment_status: "paid",
        metadata: { product_id: productId },
      });
      const [product] = await db.q.select().from(db.t.products).where(eq(db.t.products.id, productId));
      expect(product).toMatchObject({ stock: 0, track_inventory: true, status: "active", compare_price: null });
      const [subscription] = await db.q
        .select()
        .from(db.t.subscriptions)
        .where(eq(db.t.subscriptions.workspace_id, workspaceId));
      expect(subscription).toMatchObject({ status: "active", current_period_start: start, current_period_end: end });
    });
  });

  describe("activity log", () => {
    it("writes the entry in the same unit as the change it records", async () => {
      const db = dbOf();
      const userId = await createUser(db);
      const workspaceId = await createWorkspace(db, userId);
      const contactId = uuidv7();
      await db.atomic((q) => [
        q.insert(db.t.crmContacts).values({
          id: contactId,
          workspace_id: workspaceId,
          first_name: "Lin",
          last_name: "Ng",
          created_by: userId,
        }),
        q.insert(db.t.activityLogs).values({
          workspace_id: workspaceId,
          user_id: userId,
          type: "crm_contact.created",
          description: "Created contact Lin Ng",
          entity_type: "crm_contact",
          entity_id: contactId,
          ip_address: "2001:db8::1",
          metadata: { changed: { first_name: [null, "Lin"] } },
        }),
      ]);
      const entries = await db.q
        .select()
        .from(db.t.activityLogs)
        .where(and(eq(db.t.activityLogs.entity_type, "crm_contact"), eq(db.t.activityLogs.entity_id, contactId)));
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ type: "crm_contact.created", ip_address: "2001:db8::1" });
    });
  });

  describe("cache and queue tables", () => {
    it("keeps Laravel's cache, lock and job rows", async () => {
      const db = dbOf();
      const key = `k-${unique()}`;
      const batchId = `b-${unique()}`;
      const failedUuid = uuidv7();
      await db.atomic((q) => [
        q.insert(db.t.cache).values({ key, value: 's:5:"hello";', expiration: 2_000_000_000 }),
        q.insert(db.t.cacheLocks).values({ key, owner: "worker-1", expiration: 2_000_000_000 }),
        q.insert(db.t.jobs).values({ queue: `q-${key}`, payload: "{}", attempts: 0, available_at: 1, created_at: 1 }),
        q.insert(db.t.jobBatches).values({
          id: batchId,
          name: "import",
          total_jobs: 3,
          pending_jobs: 3,
          failed_jobs: 0,
          failed_job_ids: "[]",
          created_at: 1,
        }),
        q.insert(db.t.failedJobs).values({
          uuid: failedUuid,
          connection: "database",
          queue: "default",
          payload: "{}",
          exception: "Timeout",
        }),
      ]);
      const [entry] = await db.q.select().from(db.t.cache).where(eq(db.t.cache.key, key));
      expect(entry?.value).toBe('s:5:"hello";');
      const jobs = await db.q
        .select()
        .from(db.t.jobs)
        .where(eq(db.t.jobs.queue, `q-${key}`));
      expect(jobs[0]?.id).toBeGreaterThan(0);
      const [failed] = await db.q.select().from(db.t.failedJobs).where(eq(db.t.failedJobs.uuid, failedUuid));
      expect(failed?.failed_at).toBeInstanceOf(Date);
      const [batch] = await db.q
        .select()
        .from(db.t.jobBatches)
        .where(inArray(db.t.jobBatches.id, [batchId]));
      expect(batch).toMatchObject({ total_jobs: 3, cancelled_at: null, options: null });
    });
  });
}
