// /api/v1/workspaces/:workspaceId/activity — what happened in a workspace, and who did it.
import { z } from "@hono/zod-openapi";
import { createRouter } from "../../lib/factory";
import { errorResponses } from "../../lib/openapi";
import { pageOf } from "../../lib/pagination";
import { currentWorkspace, workspaceRoute } from "../../lib/workspace-access";
import { WorkspaceIdParam } from "../workspaces/schema";
import { activityCsvStream } from "./activity-csv-stream";
import { listActivity } from "./list-activity";
import { ActivityEntrySchema, ActivityFilterQuery, ListActivityQuery } from "./schema";

const tags = ["Activity"];

export const activityRoutes = createRouter()
  // GET /api/v1/workspaces/:workspaceId/activity — the log, newest first, filtered and paged
  .openapi(
    workspaceRoute("activity.read", {
      method: "get",
      path: "/{workspaceId}/activity",
      tags,
      summary: "The workspace's activity log",
      request: { params: WorkspaceIdParam, query: ListActivityQuery },
      responses: {
        200: {
          description: "Entries, newest first",
          content: { "application/json": { schema: pageOf(ActivityEntrySchema) } },
        },
        ...errorResponses("unauthorized", "forbidden", "not_found", "invalid_cursor", "validation_failed"),
      },
    }),
    async (c) => {
      const { limit, cursor, ...filter } = c.req.valid("query");
      const { workspace } = currentWorkspace(c);
      return c.json(await listActivity(c.var.db, workspace.id, filter, { limit, cursor }), 200);
    },
  )
  // GET /api/v1/workspaces/:workspaceId/activity/export — the same filter, every entry, as a CSV download
  .openapi(
    workspaceRoute("activity.read", {
      method: "get",
      path: "/{workspaceId}/activity/export",
      tags,
      summary: "Download the activity log as CSV",
      request: { params: WorkspaceIdParam, query: ActivityFilterQuery },
      responses: {
        200: {
          description: "created_at, type, description, user_name, user_email, entity_type, entity_id, ip_address",
          content: { "text/csv": { schema: z.string() } },
        },
        ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    (c) => {
      const { workspace } = currentWorkspace(c);
      const date = new Date().toISOString().slice(0, 10);
      return c.body(activityCsvStream(c.var.db, workspace.id, c.req.valid("query")), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        // Slugs are [a-z0-9-], so the name needs no escaping.
        "Content-Disposition": `attachment; filename="activity-${workspace.slug}-${date}.csv"`,
        // It names people and their IP addresses: no shared cache keeps a copy.
        "Cache-Control": "no-store",
      });
    },
  );
