import { z } from "@hono/zod-openapi";
import { uuidField } from "../../lib/fields";
import { paginationQuery } from "../../lib/pagination";
import { createdAtBounds, instantField } from "../activity/created-at-bounds";
import { WorkspaceIdParam } from "../workspaces/schema";
import { CONTACT_SORTS } from "./contact-list-query";
import { FOLLOW_UP_WINDOWS } from "./follow-up-window";
import { CONTACT_STATUSES, ContactFields, contactDateField, MAX_TAGS, tagField } from "./normalize-contact";

export const ContactIdParam = WorkspaceIdParam.extend({ contactId: uuidField });

export const CreateContactBody = ContactFields.openapi("CreateContact");
export const UpdateContactBody = ContactFields.partial().strict().openapi("UpdateContact");

export const ContactSchema = z
  .object({
    id: z.string(),
    workspace_id: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    company: z.string().nullable(),
    position: z.string().nullable(),
    address: z.string().nullable(),
    status: z.enum(CONTACT_STATUSES),
    lead_score: z.number().int(),
    source: z.string().nullable(),
    tags: z.array(z.string()),
    notes: z.string().nullable(),
    last_contacted: z.string().nullable(),
    next_follow_up: z.string().nullable(),
    created_by: z.string(),
    created_at: z.string().nullable(),
    updated_at: z.string().nullable(),
  })
  .openapi("Contact");

/** Items of a list parameter given as `a,b`, as repeated parameters, or (in a JSON filter) as an array. */
const splitList = (value: unknown) =>
  typeof value === "string" || Array.isArray(value)
    ? (Array.isArray(value) ? value : [value])
        .flatMap((part) => (typeof part === "string" ? part.split(",") : [part]))
        .map((part) => (typeof part === "string" ? part.trim() : part))
        .filter((part) => part !== "")
    : value;

const listOf = <T extends z.ZodTypeAny>(item: T, max: number, what: string) =>
  z.preprocess(splitList, z.array(item).max(max, `Give at most ${max} ${what}.`));

const scoreBound = z.coerce.number().int().min(0).max(100).optional();

const filterShape = {
  status: listOf(z.enum(CONTACT_STATUSES), CONTACT_STATUSES.length, "statuses")
    .optional()
    .openapi({ description: "One status or several, comma-separated.", example: "lead,prospect" }),
  tags: listOf(tagField, 20, "tags")
    .optional()
    .openapi({ description: "Tags, comma-separated; any case.", example: "vip,newsletter" }),
  tags_mode: z
    .enum(["any", "all"])
    .optional()
    .openapi({ description: "Contacts with any (default) or all of the tags." }),
  score_min: scoreBound.openapi({ description: "Lowest lead score, inclusive." }),
  score_max: scoreBound.openapi({ description: "Highest lead score, inclusive." }),
  source: z.string().trim().min(1).max(255).optional().openapi({ description: "Exactly this source." }),
  company: z.string().trim().min(1).max(255).optional().openapi({ description: "Exactly this company." }),
  follow_up: z.enum(FOLLOW_UP_WINDOWS).optional().openapi({
    description:
      "By next_follow_up, in the workspace's time zone: overdue (before today), today, due (overdue or today), this_week (today to the end of the week).",
  }),
  created_from: instantField.optional().openapi({ description: "Created on or after.", example: "2026-01-01" }),
  created_to: instantField
    .optional()
    .openapi({ description: "Created on or before; a plain date covers that whole day.", example: "2026-01-31" }),
  q: z.string().max(200).optional().openapi({
    description: "Search: every word must start a word of the name, email, company, position or notes.",
    example: "ada love",
  }),
};

type FilterInput = {
  score_min?: number | undefined;
  score_max?: number | undefined;
  created_from?: string | undefined;
  created_to?: string | undefined;
};

function checkFilter(filter: FilterInput, ctx: z.RefinementCtx) {
  if (filter.score_min !== undefined && filter.score_max !== undefined && filter.score_min > filter.score_max) {
    ctx.addIssue({ code: "custom", path: ["score_max"], message: "Choose a highest score at or above the lowest." });
  }
  const { from, to } = createdAtBounds({ from: filter.created_from, to: filter.created_to });
  if (from && to && from.getTime() > to.getTime()) {
    ctx.addIssue({ code: "custom", path: ["created_to"], message: "Choose an end on or after the start." });
  }
}

/** The list's filters, as the export and bulk actions take them too. */
export const ContactFilter = z.object(filterShape).strict().superRefine(checkFilter).openapi("ContactFilter");
export type ContactFilter = z.infer<typeof ContactFilter>;

const sortShape = {
  sort: z
    .enum(CONTACT_SORTS)
    .default("created")
    .openapi({ description: "The order: created (default) is newest first." }),
  order: z.enum(["asc", "desc"]).optional().openapi({
    description:
      "Default: asc for name and next_follow_up, desc otherwise. Contacts without the value come last either way.",
  }),
};

export const ListContactsQuery = paginationQuery.extend(filterShape).extend(sortShape).superRefine(checkFilter);
export const ExportContactsQuery = z.object(filterShape).extend(sortShape).superRefine(checkFilter);

export const FollowUpCountSchema = z
  .object({
    overdue: z.number().int().openapi({ description: "next_follow_up before today began (workspace time zone)." }),
    today: z.number().int().openapi({ description: "next_follow_up today." }),
  })
  .openapi("FollowUpCount");

export const ContactedBody = z
  .object({
    next_follow_up: contactDateField.optional().openapi({
      description: "The next follow-up; leave it out (or null) to clear it now that the contact has been reached.",
    }),
  })
  .strict()
  .openapi("MarkContacted");

/** At most this many contacts selected by id (a filter reaches any number). */
export const MAX_BULK = 1000;
/** Contacts a filter's bulk action goes through in one request, unless `limit` asks for fewer. */
export const BULK_STEP = 20_000;

const selection = {
  contact_ids: z.array(uuidField).min(1).max(MAX_BULK, `Select at most ${MAX_BULK} contacts.`).optional(),
  filter: ContactFilter.optional(),
  cursor: z.string().max(200).optional().openapi({
    description: "By filter: the `next_cursor` of the previous answer, to go on where it stopped.",
  }),
  limit: z
    .number()
    .int()
    .min(1)
    .max(BULK_STEP)
    .optional()
    .openapi({
      description: `By filter: go through at most this many matches in this request (default ${BULK_STEP.toLocaleString("en-US")}), for a progress bar.`,
    }),
};

const bulkTags = z.array(tagField).min(1, "Give at least one tag.").max(MAX_TAGS, `Use at most ${MAX_TAGS} tags.`);

export const BulkContactsBody = z
  .discriminatedUnion("action", [
    z.object({ action: z.literal("add_tags"), tags: bulkTags, ...selection }).strict(),
    z.object({ action: z.literal("remove_tags"), tags: bulkTags, ...selection }).strict(),
    z.object({ action: z.literal("set_status"), status: z.enum(CONTACT_STATUSES), ...selection }).strict(),
    z.object({ action: z.literal("set_follow_up"), next_follow_up: contactDateField, ...selection }).strict(),
    z.object({ action: z.literal("delete"), ...selection }).strict(),
  ])
  .superRefine((body, ctx) => {
    if ((body.contact_ids === undefined) === (body.filter === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["contact_ids"],
        message: "Select the contacts either by contact_ids or by filter (one of the two).",
      });
    }
    if (body.contact_ids && (body.cursor !== undefined || body.limit !== undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [body.cursor !== undefined ? "cursor" : "limit"],
        message: "A cursor and a limit go with a filter; selected contacts are done in one go.",
      });
    }
  })
  .openapi("BulkContactAction", {
    example: { action: "add_tags", tags: ["webinar-2026"], filter: { status: "lead", q: "acme" } },
  });
export type BulkContactsBody = z.infer<typeof BulkContactsBody>;

export const BulkResultSchema = z
  .object({
    affected: z.number().int().openapi({ description: "Contacts changed by this request." }),
    done: z.boolean().openapi({ description: "Every selected or matching contact has been gone through." }),
    next_cursor: z.string().nullable().openapi({
      description: "When not done: send the same action again with this cursor for the next part.",
    }),
  })
  .openapi("BulkContactResult");
