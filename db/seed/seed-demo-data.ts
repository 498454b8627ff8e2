// Demo data for a fresh database, so the app has something to show: the demo owner and
// teammates, two workspaces, sandbox social accounts with a week of posts, global email
// templates, CRM contacts, a link-in-bio page, a course and products. Only the shared
// data layer is used, so the same function seeds local D1, MariaDB in tests and MySQL.
import { reindexContactStatements } from "../../worker/features/crm/contact-statements";
import type { Database } from "../database";
import { demoCourse } from "./demo-course";
import { demoCrmContacts } from "./demo-crm-contacts";
import { demoEmailTemplates } from "./demo-email-templates";
import { demoLinkInBioPage } from "./demo-link-in-bio-page";
import { demoLogin } from "./demo-login";
import { demoProducts } from "./demo-products";
import { demoSocialMediaAccounts } from "./demo-social-media-accounts";
import { demoSocialPosts } from "./demo-social-posts";
import { demoUsers } from "./demo-users";
import { demoWorkspaces } from "./demo-workspaces";

export type SeededDemoData = {
  owner: { id: string; email: string };
  workspaces: { studio: { id: string; slug: string }; coaching: { id: string; slug: string } };
  /** Rows inserted, by table name. */
  rows: Record<string, number>;
};

export async function seedDemoData(db: Database, now: Date = new Date()): Promise<SeededDemoData> {
  const users = await demoUsers(now);
  const { workspaces, members } = demoWorkspaces(users, now);
  const socialMediaAccounts = demoSocialMediaAccounts(workspaces, now);
  const socialPosts = demoSocialPosts(users, workspaces, socialMediaAccounts, now);
  const emailTemplates = demoEmailTemplates(users.owner.id);
  const contacts = demoCrmContacts(users, workspaces, now);
  const page = demoLinkInBioPage(workspaces);
  const { course, modules, lessons } = demoCourse(users, workspaces);
  const products = demoProducts(users, workspaces);

  const { t } = db;
  // All or nothing: a seed that fails halfway would leave users behind, and `--if-empty`
  // would then skip the rest forever. One row per statement because D1 refuses a
  // statement with more than 100 bound parameters, and a wide multi-row insert passes that.
  await db.atomic((q) => [
    ...Object.values(users).map((row) => q.insert(t.users).values(row)),
    ...Object.values(workspaces).map((row) => q.insert(t.workspaces).values(row)),
    ...members.map((row) => q.insert(t.workspaceMembers).values(row)),
    ...socialMediaAccounts.map((row) => q.insert(t.socialMediaAccounts).values(row)),
    ...socialPosts.map((row) => q.insert(t.socialMediaPosts).values(row)),
    ...emailTemplates.map((row) => q.insert(t.emailTemplates).values(row)),
    ...contacts.map((row) => q.insert(t.crmContacts).values(row)),
    // The tag rows and search terms the app writes with every contact: search and tag filters find these too.
    ...reindexContactStatements(q, db, contacts),
    q.insert(t.linkInBioPages).values(page),
    q.insert(t.courses).values(course),
    ...modules.map((row) => q.insert(t.courseModules).values(row)),
    ...lessons.map((row) => q.insert(t.courseLessons).values(row)),
    ...products.map((row) => q.insert(t.products).values(row)),
  ]);

  return {
    owner: { id: users.owner.id, email: demoLogin.email },
    workspaces: {
      studio: { id: workspaces.studio.id, slug: workspaces.studio.slug },
      coaching: { id: workspaces.coaching.id, slug: workspaces.coaching.slug },
    },
    rows: {
      users: Object.keys(users).length,
      workspaces: Object.keys(workspaces).length,
      workspace_members: members.length,
      social_media_accounts: socialMediaAccounts.length,
      social_media_posts: socialPosts.length,
      email_templates: emailTemplates.length,
      crm_contacts: contacts.length,
      link_in_bio_pages: 1,
      courses: 1,
      course_modules: modules.length,
      course_lessons: lessons.length,
      products: products.length,
    },
  };
}
