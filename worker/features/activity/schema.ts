import { z } from "@hono/zod-openapi";
import { uuidField } from "../../lib/fields";
import { paginationQuery } from "../../lib/pagination";
import { createdAtBounds, instantField } from "./created-at-bounds";

const DAY_MS = 86_400_000;
/** The widest `from`–`to` window: a year, leap day included, keeps a filtered scan bounded. */
export const MAX_RANGE_DAYS = 366;

const filterShape = {
  type: z
    .string()
    .trim()
    .max(255)
    .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*\.?$/, "Use a type like crm_contact.updated, or a prefix like crm_contact.")
    .optional()
    .openapi({ description: "An exact type, or a prefix ending in a dot (`crm_contact.`).", example: "workspace." }),
  user_id: uuidField.optional().openapi({ description: "Only what this person did." }),
  entity_type: z
    .string()
    .trim()
    .max(255)
    .regex(/^[a-z0-9_]+$/, "Use an entity type like crm_contact.")
    .optional()
    .openapi({ example: "workspace" }),
  entity_id: z
    .string()
    .trim()
    .min(1)
    .max(36)
    .optional()
    .openapi({ description: "Needs entity_type: the log indexes the pair." }),
  from: instantField.optional().openapi({ description: "Earliest created_at, inclusive.", example: "2025-01-01" }),
  to: instantField.optional().openapi({
    description: "Latest created_at, inclusive; a plain date covers that whole day.",
    example: "2025-01-31",
  }),
};

type FilterInput = {
  entity_type?: string | undefined;
  entity_id?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

function checkFilter(filter: FilterInput, ctx: z.RefinementCtx) {
  if (filter.entity_id !== undefined && filter.entity_type === undefined) {
    ctx.addIssue({ code: "custom", path: ["entity_type"], message: "Give the entity type along with the entity id." });
  }
  const { from, to } = createdAtBounds(filter);
  if (!from || !to || Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return;
  if (from.getTime() > to.getTime()) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "Choose an end on or after the start." });
  } else if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    ctx.addIssue({ code: "custom", path: ["to"], message: `Choose a range of at most ${MAX_RANGE_DAYS} days.` });
  }
}

/** What the export takes: the feed's filters, every page. */
export const ActivityFilterQuery = z.object(filterShape).superRefine(checkFilter);
export type ActivityFilter = z.infer<typeof ActivityFilterQuery>;

/** What the feed takes: the filters and a page. */
export const ListActivityQuery = paginationQuery.extend(filterShape).superRefine(checkFilter);

export const ActivityEntrySchema = z
  .object({
    id: z.string(),
    type: z.string().openapi({ example: "workspace.updated" }),
    description: z.string(),
    entity_type: z.string().nullable(),
    entity_id: z.string().nullable(),
    user: z.object({ id: z.string(), name: z.string().nullable(), avatar: z.string().nullable() }),
    ip_address: z.string().nullable(),
    user_agent: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()).nullable(),
    created_at: z.string().nullable(),
  })
  .openapi("ActivityEntry");
