import type { Component } from "solid-js";
import type { Action } from "../../worker/lib/permissions";
import { FollowUpBadge } from "../features/crm/follow-up-badge";
import type { IconName } from "../ui/icon";

/**
 * `path` is below the workspace's own address (/app/w/:workspaceId); "" is its dashboard.
 * `permission` is what a member needs to see it: without it the sidebar leaves it out.
 * `badge` is drawn beside the link (a count of what waits there).
 * `wide` pages (a table, a calendar) take the whole width of a large screen.
 */
export type AppModule = {
  path: string;
  label: string;
  icon: IconName;
  summary: string;
  permission?: Action;
  badge?: Component<{ workspaceId: string }>;
  wide?: boolean;
};

/** The modules of a workspace, in sidebar order. The header and the dashboard read the same list. */
export const appModules: readonly AppModule[] = [
  { path: "", label: "Dashboard", icon: "dashboard", summary: "How your workspace is doing today." },
  {
    path: "/bio",
    label: "Link in bio",
    icon: "bio",
    summary: "One page for every link you share.",
    permission: "bio.pages.read",
  },
  {
    path: "/social",
    label: "Social",
    icon: "social",
    summary: "Plan and schedule posts across your accounts.",
    permission: "social.posts.read",
    wide: true,
  },
  {
    path: "/email",
    label: "Email",
    icon: "email",
    summary: "Newsletters and campaigns to your audience.",
    permission: "email.campaigns.read",
  },
  {
    path: "/crm",
    label: "CRM",
    icon: "crm",
    summary: "Everyone who follows, buys or learns from you.",
    permission: "crm.contacts.read",
    wide: true,
    badge: FollowUpBadge,
  },
  {
    path: "/courses",
    label: "Courses",
    icon: "courses",
    summary: "Lessons you teach, and the students taking them.",
    permission: "courses.read",
  },
  {
    path: "/store",
    label: "Store",
    icon: "store",
    summary: "Products, orders and payouts.",
    permission: "store.products.read",
  },
];

/** The workspace's own pages, below the modules in the sidebar. */
export const workspacePages: readonly AppModule[] = [
  {
    path: "/members",
    label: "Members",
    icon: "users",
    summary: "Who is in this workspace, and who is invited.",
    permission: "members.read",
  },
  {
    path: "/activity",
    label: "Activity",
    icon: "activity",
    summary: "What happened in this workspace, and who did it.",
    permission: "activity.read",
  },
  {
    path: "/settings",
    label: "Settings",
    icon: "settings",
    summary: "Your workspace's name, branding and preferences.",
  },
];
