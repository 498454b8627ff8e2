// Request and response shapes of contact imports.
import { z } from "@hono/zod-openapi";
import { uuidField } from "../../lib/fields";
import { paginationQuery } from "../../lib/pagination";
import { WorkspaceIdParam } from "../workspaces/schema";
import { IMPORT_FIELDS } from "./import-mapping";

export const ImportJobIdParam = WorkspaceIdParam.extend({ jobId: uuidField });

export const DUPLICATE_STRATEGIES = ["skip", "update", "merge_tags"] as const;
export type DuplicateStrategy = (typeof DUPLICATE_STRATEGIES)[number];

export const UploadQuery = z.object({
  file_name: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .optional()
    .openapi({ description: "The file's name, for a text/csv body (a multipart upload carries its own)." }),
});

const mappingTarget = z.enum([...IMPORT_FIELDS, "ignore"]);

export const PreviewImportBody = z
  .object({
    mapping: z
      .record(z.string().max(255), mappingTarget)
      .refine((m) => Object.keys(m).length <= 200, "Map at most 200 columns.")
      .openapi({
        description:
          'Column (its 0-based index, or its header) → contact field, or "ignore". `full_name` is split into first and last name; `tags` is split on ; or ,.',
        example: { "0": "email", "First Name": "first_name", "2": "tags", "3": "ignore" },
      }),
    duplicate_strategy: z.enum(DUPLICATE_STRATEGIES).default("skip").openapi({
      description:
        "When a row's email (any case) matches an existing contact, or an earlier row: skip it, update the contact's fields from it, or only add its tags.",
    }),
  })
  .strict()
  .openapi("PreviewImport");

export const ImportJobSchema = z
  .object({
    id: z.string(),
    status: z.enum(["uploaded", "running", "completed", "failed", "cancelled"]),
    file_name: z.string(),
    headers: z.array(z.string()),
    mapping: z.record(z.string(), z.enum(IMPORT_FIELDS)).nullable(),
    duplicate_strategy: z.enum(DUPLICATE_STRATEGIES),
    total_rows: z.number().int(),
    processed_rows: z.number().int(),
    created_count: z.number().int(),
    updated_count: z.number().int(),
    skipped_count: z.number().int(),
    error_count: z.number().int(),
    last_error: z.string().nullable(),
    created_by: z.string(),
    started_at: z.string().nullable(),
    finished_at: z.string().nullable(),
    created_at: z.string().nullable(),
    updated_at: z.string().nullable(),
  })
  .openapi("ImportJob");

export const UploadImportResponse = z
  .object({
    job: ImportJobSchema,
    headers: z.array(z.string()),
    delimiter: z.enum([",", ";", "\t"]),
    sample: z.array(z.array(z.string())).openapi({ description: "The first 5 rows, cell by cell." }),
    suggested_mapping: z.record(z.string(), mappingTarget).openapi({ example: { "0": "email", "1": "full_name" } }),
  })
  .openapi("UploadedImport");

export const ROW_OUTCOMES = ["created", "updated", "skipped", "rejected"] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

const outcomeCounts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
  duplicates_in_file: z.number().int(),
});

export const PreviewRowSchema = z.object({
  row_number: z.number().int().openapi({ description: "1 for the first row under the header." }),
  outcome: z.enum(ROW_OUTCOMES),
  reason: z.string().nullable(),
  email: z.string().nullable(),
  contact_id: z.string().nullable().openapi({ description: "The existing contact an update or skip is about." }),
  duplicate_of_row: z.number().int().nullable(),
});

export const PreviewImportResponse = z
  .object({
    job: ImportJobSchema,
    counts: outcomeCounts,
    rows: z.array(PreviewRowSchema).openapi({ description: "The first 100 rows' would-be outcomes." }),
    rejected: z
      .array(z.object({ row_number: z.number().int(), reason: z.string(), email: z.string().nullable() }))
      .openapi({ description: "Every row that would be rejected, in file order, with its reason (at most 50,000)." }),
  })
  .openapi("ImportPreview");

export const ReportQuery = paginationQuery.extend({
  outcome: z.enum(["rejected", "skipped"]).optional().openapi({ description: "Only rejected, or only skipped rows." }),
});

export const ReportRowSchema = z
  .object({
    row_number: z.number().int(),
    outcome: z.enum(["skipped", "rejected"]),
    reason: z.string().nullable(),
    cells: z.array(z.string()).openapi({ description: "The row as uploaded, in the order of the job's headers." }),
    contact_id: z.string().nullable(),
  })
  .openapi("ImportReportRow");
