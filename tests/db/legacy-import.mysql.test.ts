// An existing Mewayz database brought over as the README says: its tables made from the
// old platform's own DDL (db/reference/mewayz-schema.sql) and filled as it filled them,
// then its data loaded by column name into a migrated database — what
// `mysqldump --no-create-info --complete-insert` does — and the contacts indexed.
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { createConnection } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findContacts } from "../../worker/features/crm/find-contacts";
import { indexUnindexedContacts } from "../../worker/features/crm/index-unindexed-contacts";
import { resolveContactFilter } from "../../worker/features/crm/resolve-contact-filter";
import { readTokens } from "../../worker/features/social/account-tokens";
import type { Env } from "../../worker/lib/env";
import { workspaceClock } from "../../worker/lib/workspace-clock";
import { type FreshDatabase, freshMySqlDatabase, MYSQL_SERVER_URL } from "../mysql/fresh-database";

const OWNER = "11111111-1111-4111-8111-111111111111";
const WORKSPACE = "33333333-3333-4333-8333-333333333333";
const ACCOUNT = "77777777-7777-4777-8777-777777777777";

/** The old platform's DDL as MariaDB takes it: UUID columns as CHAR(36), the column named `key` quoted. */
const legacyDdl = () =>
  readFileSync(new URL("../../db/reference/mewayz-schema.sql", import.meta.url), "utf8")
    .replace(/\bUUID\b/g, "CHAR(36)")
    .replace(/^(\s+)key\b/gm, "$1`key`")
    .trim();

/** Rows as the old platform wrote them, with its habits: mixed-case emails, a tag list stored as one string. */
const LEGACY_ROWS = `
INSERT INTO users (id, name, email, email_verified_at, password, role, status, preferences, remember_token) VALUES
  ('${OWNER}', 'Ada Legacy', 'ada@legacy.example', '2025-01-02 10:00:00',
   '$2y$10$O0y1hPmIQAbg5E6D3xIdHuhXpT/.huVE/maf.O/VvvNigud8eZGHe', 'admin', 'active', '{"theme": "dark"}', 'abc');
INSERT INTO workspaces (id, name, slug, branding, owner_id, settings) VALUES
  ('${WORKSPACE}', 'Legacy Studio', 'legacy-studio', '{"primary_color": "#ff0000"}', '${OWNER}', '{"timezone": "Europe/Berlin"}');
INSERT INTO workspace_members (id, workspace_id, user_id, role, status, permissions, joined_at) VALUES
  ('44444444-4444-4444-8444-444444444444', '${WORKSPACE}', '${OWNER}', 'owner', 'active', '["*"]', '2025-01-01 10:00:00');
INSERT INTO crm_contacts (id, workspace_id, first_name, last_name, email, phone, company, status, lead_score, tags, notes, created_by) VALUES
  ('55555555-5555-4555-8555-555555555551', '${WORKSPACE}', 'Élodie', 'Marchand', 'Elodie@Atelier.example', '(415) 555-0101',
   'Atelier Lumière', 'lead', 150, '["VIP", "Press"]', 'Met at the ceramics fair', '${OWNER}'),
  ('55555555-5555-4555-8555-555555555552', '${WORKSPACE}', 'Bruno', 'Keller', NULL, NULL, NULL, 'customer', 40, '"wholesale"', NULL, '${OWNER}');
INSERT INTO link_in_bio_pages (id, workspace_id, title, slug, bio, theme, links, is_active, total_views) VALUES
  ('66666666-6666-4666-8666-666666666666', '${WORKSPACE}', 'Ada', 'ada-legacy', 'Hi', '{"color": "blue"}',
   '[{"title": "Site", "url": "https://ada.example"}]', 1, 10);
INSERT INTO social_media_accounts (id, workspace_id, platform, account_id, username, access_tokens, status, account_info) VALUES
  ('${ACCOUNT}', '${WORKSPACE}', 'twitter', 'tw-1', 'ada', '{"access_token": "old", "refresh_token": "old-refresh"}', 'active', '{"followers": 10}');
INSERT INTO social_media_posts (id, workspace_id, social_media_account_id, content, media_urls, hashtags, status, scheduled_at, created_by) VALUES
  ('88888888-8888-4888-8888-888888888888', '${WORKSPACE}', '${ACCOUNT}', 'Old post', '[]', '[]', 'scheduled', '2025-03-01 10:00:00', '${OWNER}');
INSERT INTO activity_logs (id, workspace_id, user_id, type, description, entity_type, entity_id, metadata) VALUES
  ('99999999-9999-4999-8999-999999999999', '${WORKSPACE}', '${OWNER}', 'contact.created', 'Created', 'crm_contact',
   '55555555-5555-4555-8555-555555555551', '{}');
`;

let fresh: FreshDatabase;
let legacy: string;
beforeAll(async () => {
  fresh = await freshMySqlDatabase();
  legacy = `${fresh.name}_legacy`;
  const admin = await createConnection({ uri: MYSQL_SERVER_URL, multipleStatements: true });
  try {
    await admin.query(`CREATE DATABASE \`${legacy}\`; USE \`${legacy}\`;\n${legacyDdl()}\n${LEGACY_ROWS}`);
    // The data alone, by column name, every table: as a data-only dump with complete inserts loads it.
    const [tables] = (await admin.query(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ?",
      [legacy],
    )) as unknown as [{ name: string }[]];
    const copies = ["SET FOREIGN_KEY_CHECKS = 0"];
    for (const { name } of tables) {
      const [columns] = (await admin.query(
        "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position",
        [legacy, name],
      )) as unknown as [{ name: string }[]];
      const list = columns.map((c) => `\`${c.name}\``).join(", ");
      copies.push(`INSERT INTO \`${fresh.name}\`.\`${name}\` (${list}) SELECT ${list} FROM \`${legacy}\`.\`${name}\``);
    }
    copies.push("SET FOREIGN_KEY_CHECKS = 1");
    await admin.query(copies.join(";\n"));
  } finally {
    await admin.end();
  }
});
afterAll(async () => {
  const admin = await createConnection(MYSQL_SERVER_URL);
  await admin.query(`DROP DATABASE IF EXISTS \`${legacy}\``);
  await admin.end();
  await fresh?.drop();
});

describe("an existing Mewayz database, imported", () => {
  it("loads into the migrated tables, and its contacts are searchable once indexed", async () => {
    const db = fresh.db;
    const { users, crmContacts, workspaces, socialMediaPosts } = db.t;
    const [owner] = await db.q.select().from(users).where(eq(users.id, OWNER));
    expect(owner).toMatchObject({ email: "ada@legacy.example", preferences: { theme: "dark" } });
    const [workspace] = await db.q.select().from(workspaces).where(eq(workspaces.id, WORKSPACE));
    expect(workspace?.settings).toEqual({ timezone: "Europe/Berlin" });
    const contacts = await db.q.select().from(crmContacts).where(eq(crmContacts.workspace_id, WORKSPACE));
    expect(contacts.map((c) => c.tags)).toEqual(expect.arrayContaining([["VIP", "Press"], ["wholesale"]]));
    const [post] = await db.q.select().from(socialMediaPosts).where(eq(socialMediaPosts.workspace_id, WORKSPACE));
    expect(post).toMatchObject({ status: "scheduled", publish_attempts: 0, group_id: null });

    const find = async (filter: Parameters<typeof resolveContactFilter>[0]) =>
      (
        await findContacts(
          db,
          WORKSPACE,
          resolveContactFilter(filter, workspaceClock({ settings: {} })),
          { by: "name", order: "asc" },
          { position: null, limit: 50 },
        )
      ).map((c) => c.last_name);
    expect(await find({ q: "marchand" })).toEqual([]);
    expect((await indexUnindexedContacts(db)).indexed).toBe(2);
    expect(await find({ q: "marchand" })).toEqual(["Marchand"]);
    expect(await find({ q: "lumiere" })).toEqual(["Marchand"]);
    expect(await find({ tags: ["vip"] })).toEqual(["Marchand"]);
    expect(await find({ tags: ["wholesale"] })).toEqual(["Keller"]);
  });

  it("asks for the old platform's social accounts to be reconnected", async () => {
    const t = fresh.db.t.socialMediaAccounts;
    const [account] = await fresh.db.q.select().from(t).where(eq(t.id, ACCOUNT));
    if (!account) throw new Error("the account was not imported");
    await expect(readTokens({ APP_ENV: "test" } as Env, account)).rejects.toThrow(/before this app/);
  });
});
