import { z } from "@hono/zod-openapi";

/** Linktree's range: up to 90 days. */
export const MAX_ANALYTICS_DAYS = 90;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-05-01.");

export const AnalyticsQuery = z
  .object({
    from: day.optional().openapi({ description: "First day (UTC), inclusive; 29 days before `to` by default." }),
    to: day.optional().openapi({ description: "Last day (UTC), inclusive; today by default." }),
    interval: z.enum(["day"]).default("day"),
  })
  .superRefine((q, ctx) => {
    for (const key of ["from", "to"] as const) {
      const value = q[key];
      if (value && Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
        ctx.addIssue({ code: "custom", path: [key], message: "Not a real date." });
      }
    }
    if (q.from && q.to) {
      const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1;
      if (days < 1) ctx.addIssue({ code: "custom", path: ["to"], message: "Choose an end on or after the start." });
      if (days > MAX_ANALYTICS_DAYS) {
        ctx.addIssue({ code: "custom", path: ["from"], message: `Choose at most ${MAX_ANALYTICS_DAYS} days.` });
      }
    }
  });

const count = z.number().int();
const ranked = z.array(z.object({ value: z.string(), views: count }));

export const AnalyticsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    interval: z.literal("day"),
    totals: z.object({ views: count, unique_views: count, clicks: count, unique_clicks: count, ctr: z.number() }),
    series: z.array(z.object({ date: z.string(), views: count, unique_views: count, clicks: count })),
    links: z.array(
      z.object({ id: z.string(), title: z.string(), clicks: count, unique_clicks: count, ctr: z.number() }),
    ),
    referrers: ranked,
    countries: ranked,
    devices: ranked,
  })
  .openapi("BioPageAnalytics");
export type Analytics = z.infer<typeof AnalyticsSchema>;
