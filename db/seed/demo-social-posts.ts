// A week of the studio's social calendar around the moment of seeding: two posts already
// out with their engagement, one launch going to two accounts at once, a LinkedIn post,
// a contributor's post waiting for approval and a draft; one scheduled post for the
// coaching workspace. They are on the sandbox accounts, so the cron publishes the
// scheduled ones to the local sandbox when it runs (`/__scheduled` under `npm start`).
import type { Tables } from "../database";
import { uuidv7 } from "../uuidv7";
import { addDays } from "./add-days";
import type { DemoUsers } from "./demo-users";
import type { DemoWorkspaces } from "./demo-workspaces";

type NewSocialMediaPost = Tables["socialMediaPosts"]["$inferInsert"];
type NewSocialMediaAccount = Tables["socialMediaAccounts"]["$inferInsert"];

/** `days` from now, on the hour: the times a person picks in the composer. */
const onTheHour = (now: Date, days: number, hour: number) => {
  const at = addDays(now, days);
  at.setUTCHours(hour, 0, 0, 0);
  return at;
};

/** Engagement as the metrics sync keeps it: the latest numbers, and one point per day since publishing. */
function engagement(now: Date, publishedAt: Date, latest: Record<string, number>) {
  const days = Math.max(1, Math.round((now.getTime() - publishedAt.getTime()) / 86_400_000));
  const history = Array.from({ length: days }, (_, i) => {
    // Most of a post's reach comes in its first days.
    const share = 1 - 0.5 ** (i + 1);
    const values = Object.fromEntries(Object.entries(latest).map(([k, v]) => [k, Math.round(v * share)]));
    return {
      date: addDays(publishedAt, i + 1)
        .toISOString()
        .slice(0, 10),
      values,
    };
  });
  return { ...latest, synced_at: now.toISOString(), history };
}

export function demoSocialPosts(
  users: DemoUsers,
  { studio, coaching }: DemoWorkspaces["workspaces"],
  accounts: NewSocialMediaAccount[],
  now: Date,
): NewSocialMediaPost[] {
  const accountOf = (workspaceId: string, platform: NewSocialMediaAccount["platform"]) => {
    const account = accounts.find((a) => a.workspace_id === workspaceId && a.platform === platform);
    if (!account?.id) throw new Error(`the demo has no ${platform} account in workspace ${workspaceId}`);
    return account.id;
  };
  const published = (
    platform: NewSocialMediaAccount["platform"],
    daysAgo: number,
    content: string,
    hashtags: string[],
    latest: Record<string, number>,
  ): NewSocialMediaPost => {
    const at = onTheHour(now, -daysAgo, 15);
    const id = uuidv7();
    return {
      id,
      workspace_id: studio.id,
      social_media_account_id: accountOf(studio.id, platform),
      content,
      hashtags,
      status: "published",
      scheduled_at: at,
      published_at: at,
      external_post_id: `sandbox-${id}`,
      engagement_metrics: engagement(now, at, latest),
      publish_state: "done",
      publish_attempts: 1,
      metrics_synced_at: now,
      created_by: users.owner.id,
    };
  };
  const launch = uuidv7();
  const launchAt = onTheHour(now, 1, 14);
  const launchText =
    "Studio open day this Saturday! Come see the new set, try the lighting rigs and bring your questions about content for small brands. Free coffee from Brightleaf Bakery.";

  return [
    published(
      "instagram",
      6,
      "Behind the scenes of the Brightleaf Bakery shoot: one window, one reflector, and a lot of croissants.",
      ["brandstory", "foodphotography"],
      { likes: 412, comments: 38, shares: 21, impressions: 9840 },
    ),
    published(
      "twitter",
      3,
      "New case study: how Summit Outdoor Co. tripled its video reach with a four-part review series. Thread below.",
      ["casestudy"],
      { likes: 96, comments: 12, shares: 31, impressions: 5210 },
    ),
    ...(["instagram", "twitter"] as const).map(
      (platform): NewSocialMediaPost => ({
        id: uuidv7(),
        workspace_id: studio.id,
        social_media_account_id: accountOf(studio.id, platform),
        group_id: launch,
        content: launchText,
        hashtags: ["openday"],
        status: "scheduled",
        scheduled_at: launchAt,
        created_by: users.owner.id,
      }),
    ),
    {
      id: uuidv7(),
      workspace_id: studio.id,
      social_media_account_id: accountOf(studio.id, "linkedin"),
      title: "Hiring",
      content:
        "We're hiring a part-time motion designer to help small brands tell their stories. Remote-friendly, four days a week. Send us your reel.",
      status: "scheduled",
      scheduled_at: onTheHour(now, 3, 13),
      created_by: users.daniel.id,
    },
    {
      id: uuidv7(),
      workspace_id: studio.id,
      social_media_account_id: accountOf(studio.id, "instagram"),
      content:
        "Three lighting setups under $100 that make product photos look expensive. Save this for your next shoot.",
      hashtags: ["lighting", "smallbusiness"],
      status: "pending_approval",
      scheduled_at: onTheHour(now, 4, 16),
      created_by: users.priya.id,
    },
    {
      id: uuidv7(),
      workspace_id: studio.id,
      social_media_account_id: accountOf(studio.id, "linkedin"),
      content:
        "What we learnt from grading a year of client footage: five habits that save an hour per video. (Draft: add the before/after stills.)",
      status: "draft",
      created_by: users.owner.id,
    },
    {
      id: uuidv7(),
      workspace_id: coaching.id,
      social_media_account_id: accountOf(coaching.id, "tiktok"),
      content: "A 12-minute mobility routine for desk workers. No equipment, just a wall and a timer.",
      hashtags: ["mobility", "fitness"],
      status: "scheduled",
      scheduled_at: onTheHour(now, 2, 8),
      created_by: users.sofia.id,
    },
  ];
}
