import type { IconName } from "../ui/icon";

export type AppModule = { path: string; label: string; icon: IconName; summary: string };

/** The modules of a workspace, in sidebar order. The header and the dashboard read the same list. */
export const appModules: readonly AppModule[] = [
  { path: "/", label: "Dashboard", icon: "dashboard", summary: "How your workspace is doing today." },
  { path: "/bio", label: "Link in bio", icon: "bio", summary: "One page for every link you share." },
  { path: "/social", label: "Social", icon: "social", summary: "Plan and schedule posts across your accounts." },
  { path: "/email", label: "Email", icon: "email", summary: "Newsletters and campaigns to your audience." },
  { path: "/crm", label: "CRM", icon: "crm", summary: "Everyone who follows, buys or learns from you." },
  { path: "/courses", label: "Courses", icon: "courses", summary: "Lessons you teach, and the students taking them." },
  { path: "/store", label: "Store", icon: "store", summary: "Products, orders and payouts." },
  { path: "/settings", label: "Settings", icon: "settings", summary: "Your workspace, team and billing." },
];
