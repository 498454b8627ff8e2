import { isTimeZone } from "./is-time-zone";
import type { WorkspaceRow } from "./workspace-access";

/** What "today" and "this week" mean in a workspace: its time zone (UTC unless set), its first weekday, and now. */
export type WorkspaceClock = { timeZone: string; weekStartsOn: "monday" | "sunday"; now: Date };

export function workspaceClock(workspace: Pick<WorkspaceRow, "settings">, now = new Date()): WorkspaceClock {
  const settings = workspace.settings ?? {};
  const timeZone = typeof settings.timezone === "string" && isTimeZone(settings.timezone) ? settings.timezone : "UTC";
  const weekStartsOn = settings.week_starts_on === "sunday" ? "sunday" : "monday";
  return { timeZone, weekStartsOn, now };
}
