// /api/v1/workspaces/:workspaceId/contacts/imports — CSV import of contacts: upload,
// map and preview, run in resumable chunks, and a report of what was not imported.
import { z } from "@hono/zod-openapi";
import { and, eq, inArray } from "drizzle-orm";
import { actorOf } from "../../lib/activity";
import { currentIdentity } from "../../lib/auth";
import { AppError } from "../../lib/errors";
import { createRouter } from "../../lib/factory";
import { errorResponses, json } from "../../lib/openapi";
import { pageOf, paginationQuery } from "../../lib/pagination";
import { publishChanges } from "../../lib/realtime";
import { currentWorkspace, workspaceRoute } from "../../lib/workspace-access";
import { workspaceClock } from "../../lib/workspace-clock";
import { WorkspaceIdParam } from "../workspaces/schema";
import { cancelImportJob } from "./import-cancel-job";
import { createImportJob } from "./import-create-job";
import { getImportJobOrThrow } from "./import-get-job";
import { toImportJobJson } from "./import-job-json";
import { listImportJobs } from "./import-list-jobs";
import { mappingToJson, resolveMapping, suggestMapping } from "./import-mapping";
import { importFileError, parseCsv } from "./import-parse-csv";
import { previewImport } from "./import-preview";
import { readUpload } from "./import-read-upload";
import { listReportRows, reportCsvStream } from "./import-report";
import { runImportJob } from "./import-run-job";
import {
  ImportJobIdParam,
  ImportJobSchema,
  PreviewImportBody,
  PreviewImportResponse,
  ReportQuery,
  ReportRowSchema,
  UploadImportResponse,
  UploadQuery,
} from "./import-schema";

const tags = ["Contact imports"];

/** The report's file name: the uploaded name's letters and digits, so the header needs no escaping. */
const reportFileName = (fileName: string) =>
  `${
    fileName
      .replace(/\.[^.]*$/, "")
      .replace(/[^A-Za-z0-9._-]+/g, "_")
      .slice(0, 80) || "import"
  }-report.csv`;

export const crmImportRoutes = createRouter()
  // POST /api/v1/workspaces/:workspaceId/contacts/imports — upload a CSV; answers its columns, a sample and a suggested mapping
  .openapi(
    workspaceRoute("crm.contacts.import", {
      method: "post",
      path: "/{workspaceId}/contacts/imports",
      tags,
      summary: "Upload a CSV of contacts",
      description:
        "At most 10 MB and 50,000 rows, UTF-8 (with or without BOM), comma-, semicolon- or tab-separated. Nothing is imported yet: preview, then run.",
      request: {
        params: WorkspaceIdParam,
        query: UploadQuery,
        // Read by the handler itself, so that the size is checked as the body streams in (see readUpload).
        body: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                properties: { file: { type: "string", format: "binary" } },
                required: ["file"],
              },
            },
            "text/csv": { schema: { type: "string" } },
          },
        },
      },
      responses: {
        201: json(UploadImportResponse, "The stored job, its headers, the first rows and a suggested mapping"),
        ...errorResponses(
          "bad_request",
          "unauthorized",
          "forbidden",
          "not_found",
          "payload_too_large",
          "unsupported_media_type",
          "validation_failed",
        ),
      },
    }),
    async (c) => {
      const { workspace } = currentWorkspace(c);
      const upload = await readUpload(c.req.raw, c.req.valid("query").file_name);
      const parsed = parseCsv(upload.pieces);
      if (parsed.rows.length === 0) {
        throw importFileError("no_rows", "The file has a header line but no rows under it.");
      }
      const db = c.var.db;
      const jobId = await createImportJob(db, {
        workspaceId: workspace.id,
        userId: currentIdentity(c).user.id,
        fileName: upload.fileName,
        parsed,
      });
      const job = await getImportJobOrThrow(db, { workspaceId: workspace.id, jobId });
      await publishChanges(c, workspace.id, [
        { entity_type: "crm_import_job", entity_id: job.id, op: "create", data: toImportJobJson(job) },
      ]);
      return c.json(
        {
          job: toImportJobJson(job),
          headers: parsed.headers,
          delimiter: parsed.delimiter,
          sample: parsed.rows.slice(0, 5).map((r) => r.cells),
          suggested_mapping: suggestMapping(parsed.headers),
        },
        201,
      );
    },
  )
  // GET /api/v1/workspaces/:workspaceId/contacts/imports — the workspace's imports, newest first
  .openapi(
    workspaceRoute("crm.contacts.import", {
      method: "get",
      path: "/{workspaceId}/contacts/imports",
      tags,
      summary: "List imports",
      request: { params: WorkspaceIdParam, query: paginationQuery },
      responses: {
        200: json(pageOf(ImportJobSchema), "Imports, newest first"),
        ...errorResponses("unauthorized", "forbidden", "not_found", "invalid_cursor", "validation_failed"),
      },
    }),
    async (c) => {
      const { workspace } = currentWorkspace(c);
      return c.json(await listImportJobs(c.var.db, workspace.id, c.req.valid("query")), 200);
    },
  )
  // GET /api/v1/workspaces/:workspaceId/contacts/imports/:jobId — an import's status and counts
  .openapi(
    workspaceRoute("crm.contacts.import", {
      method: "get",
      path: "/{workspaceId}/contacts/imports/{jobId}",
      tags,
      summary: "An import's status and counts",
      request: { params: ImportJobIdParam },
      responses: {
        200: json(ImportJobSchema, "The import"),
        ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const { workspace } = currentWorkspace(c);
      const job = await getImportJobOrThrow(c.var.db, { workspaceId: workspace.id, jobId: c.req.valid("param").jobId });
      return c.json(toImportJobJson(job), 200);
    },
  )
  // POST /api/v1/workspaces/:workspaceId/contacts/imports/:jobId/preview — save the mapping; a dry run of every row
  .openapi(
    workspaceRoute("crm.contacts.import", {
      method: "post",
      path: "/{workspaceId}/contacts/imports/{jobId}/preview",
      tags,
      summary: "Choose the mapping and preview the outcome",
      description:
        "Saves the mapping and duplicate strategy, and answers what each row would do — without writing a contact. Emails match existing contacts and earlier rows in any case.",
      request: {
        params: ImportJobIdParam,
        body: { content: { "application/json": { schema: PreviewImportBody } }, required: true },
      },
      responses: {
        200: json(PreviewImportResponse, "Counts for every row, and the first 100 rows one by one"),
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "not_found", "conflict", "validation_failed"),
      },
    }),
    async (c) => {
      const { mapping, duplicate_strategy } = c.req.valid("json");
      const access = currentWorkspace(c);
      const db = c.var.db;
      const { crmImportJobs } = db.t;
      const job = await getImportJobOrThrow(db, {
        workspaceId: access.workspace.id,
        jobId: c.req.valid("param").jobId,
      });
      if (!["uploaded", "failed"].includes(job.status) || job.processed_rows > 0) {
        throw new AppError(
          "conflict",
          "This import has already started, so its mapping can no longer change. Cancel it and upload the file again to import it differently.",
          { status: job.status },
        );
      }
      const columns = resolveMapping(mapping, job.headers);
      const saved = await db.atomic((q) => [
        q
          .update(crmImportJobs)
          .set({ mapping: mappingToJson(columns), duplicate_strategy })
          .where(
            and(
              eq(crmImportJobs.id, job.id),
              inArray(crmImportJobs.status, ["uploaded", "failed"]),
              eq(crmImportJobs.processed_rows, 0),
            ),
          ),
      ]);
      if (saved[0]?.rowsAffected === 0) {
        throw new AppError("conflict", "This import started meanwhile, so its mapping can no longer change.");
      }
      const preview = await previewImport(db, job, {
        columns,
        strategy: duplicate_strategy,
        timeZone: workspaceClock(access.workspace).timeZone,
      });
      const updated = await getImportJobOrThrow(db, { workspaceId: access.workspace.id, jobId: job.id });
      return c.json({ job: toImportJobJson(updated), ...preview }, 200);
    },
  )
  // POST /api/v1/workspaces/:workspaceId/contacts/imports/:jobId/run — import (or resume) from the first pending row
  .openapi(
    workspaceRoute("crm.contacts.import", {
      method: "post",
      path: "/{workspaceId}/contacts/imports/{jobId}/run",
      tags,
      summary: "Run or resume an import",
      description:
        "Imports pending rows in chunks that each commit whole, for up to about 20 seconds, then answers the job. While its status is `running`, call again to go on (when nobody does, the import goes on by itself about half a minute after the run began); after `failed`, call again to resume where it stopped. Progress is published on the live feed (entity_type `crm_import_job`).",
      request: { params: ImportJobIdParam },
      responses: {
        200: json(ImportJobSchema, "The job after this request's work"),
        ...errorResponses("unauthorized", "forbidden", "not_found", "conflict", "validation_failed"),
      },
    }),
    async (c) => {
      const { workspace } = currentWorkspace(c);
      const run = { env: c.env, db: c.var.db, workspace, actor: actorOf(c), requestId: c.get("requestId") };
      const job = await runImportJob(run, c.req.valid("param").jobId);
      return c.json(toImportJobJson(job), 200);
    },
  )
  // GET /api/v1/workspaces/:workspaceId/contacts/imports/:jobId/report — rows rejected or skipped, with reasons
  .openapi(
    workspaceRoute("crm.contacts.import", {
      method: "get",
      path: "/{workspaceId}/contacts/imports/{jobId}/report",
      tags,
      summary: "Rows not imported, and why",
      request: { params: ImportJobIdParam, query: ReportQuery },
      responses: {
        200: json(pageOf(ReportRowSchema), "Rejected and skipped rows, in file order"),
        ...errorResponses("unauthorized", "forbidden", "not_found", "invalid_cursor", "validation_failed"),
      },
    }),
    async (c) => {
      const { workspace } = currentWorkspace(c);
      const job = await getImportJobOrThrow(c.var.db, { workspaceId: workspace.id, jobId: c.req.valid("param").jobId });
      return c.json(await listReportRows(c.var.db, job, c.req.valid("query")), 200);
    },
  )
  // GET /api/v1/workspaces/:workspaceId/contacts/imports/:jobId/report.csv — the same rows as a CSV to fix and upload again
  .openapi(
    workspaceRoute("crm.contacts.import", {
      method: "get",
      path: "/{workspaceId}/contacts/imports/{jobId}/report.csv",
      tags,
      summary: "Download the rows not imported as CSV",
      request: { params: ImportJobIdParam, query: ReportQuery.pick({ outcome: true }) },
      responses: {
        200: {
          description: "The file's own columns, then Row, Result and Reason",
          content: { "text/csv": { schema: z.string() } },
        },
        ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const { workspace } = currentWorkspace(c);
      const job = await getImportJobOrThrow(c.var.db, { workspaceId: workspace.id, jobId: c.req.valid("param").jobId });
      return c.body(reportCsvStream(c.var.db, job, c.req.valid("query").outcome), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${reportFileName(job.file_name)}"`,
        // It holds people's details from the uploaded file: no shared cache keeps a copy.
        "Cache-Control": "no-store",
      });
    },
  )
  // DELETE /api/v1/workspaces/:workspaceId/contacts/imports/:jobId — cancel an unfinished import, or delete a finished one's staged rows
  .openapi(
    workspaceRoute("crm.contacts.import", {
      method: "delete",
      path: "/{workspaceId}/contacts/imports/{jobId}",
      tags,
      summary: "Cancel an import, or delete its uploaded rows",
      description:
        "An unfinished import is cancelled (contacts it already imported stay). A completed or cancelled one has its uploaded rows deleted; the job and its counts stay.",
      request: { params: ImportJobIdParam },
      responses: {
        204: { description: "Cancelled, or its rows deleted" },
        ...errorResponses("unauthorized", "forbidden", "not_found", "conflict", "validation_failed"),
      },
    }),
    async (c) => {
      const { workspace } = currentWorkspace(c);
      const job = await getImportJobOrThrow(c.var.db, { workspaceId: workspace.id, jobId: c.req.valid("param").jobId });
      await cancelImportJob(c, job);
      return c.body(null, 204);
    },
  );
