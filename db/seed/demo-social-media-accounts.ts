// Connected social accounts, as the old platform's SocialMediaAccountSeeder made them.
// They are sandbox accounts: no access tokens, so nothing can ever be posted through
// them, and account_info holds the follower counts the dashboards read.
import type { Tables } from "../database";
import { uuidv7 } from "../uuidv7";
import { addDays } from "./add-days";
import type { DemoWorkspaces } from "./demo-workspaces";

type NewSocialMediaAccount = Tables["socialMediaAccounts"]["$inferInsert"];

export function demoSocialMediaAccounts(
  { studio, coaching }: DemoWorkspaces["workspaces"],
  now: Date,
): NewSocialMediaAccount[] {
  const account = (
    workspaceId: string,
    platform: NewSocialMediaAccount["platform"],
    username: string,
    displayName: string,
    connectedDaysAgo: number,
    info: Record<string, unknown>,
  ): NewSocialMediaAccount => ({
    id: uuidv7(),
    workspace_id: workspaceId,
    platform,
    account_id: `sandbox_${platform}_${username.replace(/[^a-z0-9]/gi, "").toLowerCase()}`,
    username,
    display_name: displayName,
    access_tokens: null,
    status: "active",
    connected_at: addDays(now, -connectedDaysAgo),
    last_sync_at: addDays(now, -0.25),
    account_info: { sandbox: true, ...info },
  });

  return [
    account(studio.id, "instagram", "northwind.studio", "Northwind Studio", 88, {
      followers_count: 48210,
      following_count: 612,
      posts_count: 734,
      engagement_rate: 4.7,
      account_type: "business",
    }),
    account(studio.id, "twitter", "mayachen_makes", "Maya Chen", 86, {
      followers_count: 12890,
      following_count: 1043,
      posts_count: 5621,
      verified: false,
    }),
    account(studio.id, "linkedin", "northwind-creative-studio", "Northwind Creative Studio", 80, {
      followers_count: 5630,
      page_type: "company",
      industry: "Marketing Services",
    }),
    account(studio.id, "youtube", "NorthwindStudio", "Northwind Studio", 64, {
      followers_count: 21400,
      video_count: 186,
      view_count: 1893420,
    }),
    account(coaching.id, "tiktok", "sofiacoaches", "Sofía | Fitness Coach", 66, {
      followers_count: 93100,
      following_count: 289,
      likes_count: 2104500,
      video_count: 412,
    }),
    account(coaching.id, "facebook", "sofiamartinezcoaching", "Sofía Martínez Coaching", 60, {
      followers_count: 7420,
      page_likes: 6985,
      page_type: "page",
    }),
  ];
}
