// "Next free slot": the first of the workspace's posting times (weekday + HH:MM in
// its time zone) after a moment that has no post yet — for one account, or for any.
// Slots are turned into instants day by day, so a slot keeps its wall-clock time
// across daylight-saving changes; a slot the clocks skip that day is passed over.
import { and, eq, gte, inArray, lt, ne } from "drizzle-orm";
import type { Database } from "../../../db/database";
import { localToInstant, zonedDay } from "../../lib/zoned-time";

const HORIZON_DAYS = 28;

export async function nextFreeSlot(
  db: Database,
  workspaceId: string,
  timeZone: string,
  after: Date,
  accountId?: string,
): Promise<Date | null> {
  const s = db.t.socialPostingSlots;
  const slots = await db.q.select({ weekday: s.weekday, time: s.time }).from(s).where(eq(s.workspace_id, workspaceId));
  if (slots.length === 0) return null;
  const p = db.t.socialMediaPosts;
  const end = new Date(after.getTime() + (HORIZON_DAYS + 1) * 86_400_000);
  const taken = await db.q
    .select({ at: p.scheduled_at })
    .from(p)
    .where(
      and(
        eq(p.workspace_id, workspaceId),
        gte(p.scheduled_at, after),
        lt(p.scheduled_at, end),
        ne(p.status, "failed"),
        ...(accountId ? [inArray(p.social_media_account_id, [accountId.toLowerCase()])] : []),
      ),
    );
  const takenMinutes = new Set(taken.map((r) => (r.at ? Math.floor(r.at.getTime() / 60_000) : -1)));
  const start = zonedDay(after, timeZone);
  for (let offset = 0; offset <= HORIZON_DAYS; offset++) {
    const day = new Date(Date.UTC(start.year, start.month - 1, start.day + offset));
    const weekday = day.getUTCDay();
    const times = slots
      .filter((slot) => slot.weekday === weekday)
      .map((slot) => slot.time)
      .sort();
    for (const time of times) {
      const [hour, minute] = time.split(":").map(Number) as [number, number];
      const instant = localToInstant(
        { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour, minute },
        timeZone,
      );
      if (!instant || instant.getTime() <= after.getTime()) continue;
      if (!takenMinutes.has(Math.floor(instant.getTime() / 60_000))) return instant;
    }
  }
  return null;
}

/** An instant as wall-clock `YYYY-MM-DDTHH:MM` in the zone. */
export function toLocalString(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
