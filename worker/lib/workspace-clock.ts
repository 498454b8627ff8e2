import { isTimeZone } from "./is-time-zone";
import type { WorkspaceRow } from "./workspace-access";

/** What "today" and "this week" mean in a workspace: its time zone (UTC unless set), its first weekday, and now. */
export type WorkspaceClock = { timeZone: string; weekStartsOn: "monday" | "sunday"; now: Date };

/** A workspace's time zone as its settings hold it; UTC when unset or one the runtime does not know. */
export function workspaceTimeZone(settings: { timezone?: unknown } | null | undefined): string {
  const zone = settings?.timezone;
  return typeof zone === "string" && isTimeZone(zone) ? zone : "UTC";
}

export function workspaceClock(workspace: Pick<WorkspaceRow, "settings">, now = new Date()): WorkspaceClock {
  const settings = workspace.settings ?? {};
  const weekStartsOn = settings.week_starts_on === "sunday" ? "sunday" : "monday";
  return { timeZone: workspaceTimeZone(settings), weekStartsOn, now };
}
