// /api/v1/workspaces/:workspaceId/bio-pages — link-in-bio pages: create, read, change,
// delete; every change bumps the public page's cache generation before it answers.
import { asc, eq } from "drizzle-orm";
import type { Context } from "hono";
import { uuidv7 } from "../../../db/uuidv7";
import { activityEntry } from "../../lib/activity";
import { currentIdentity } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { assertIfMatch, etagOf } from "../../lib/etag";
import { createRouter } from "../../lib/factory";
import { body, errorResponses, json } from "../../lib/openapi";
import { publishChanges } from "../../lib/realtime";
import { currentWorkspace, workspaceRoute } from "../../lib/workspace-access";
import { WorkspaceIdParam } from "../workspaces/schema";
import { AnalyticsQuery, AnalyticsSchema, MAX_ANALYTICS_DAYS } from "./analytics-schema";
import { assertPageWeight } from "./assert-page-weight";
import { counterFor, invalidateSites, pageSite, sitesOf } from "./bio-sites";
import { deleteBioMedia, deletePageMedia, unusedMedia } from "./delete-bio-media";
import { flushBuffered } from "./edge-state";
import { getPageAnalytics } from "./get-page-analytics";
import { getPageOrThrow, type PageRow } from "./get-page-or-throw";
import { pageMediaUrls } from "./page-media-urls";
import {
  assertAddressFree,
  assertMayChange,
  assertOwnMedia,
  type PageValues,
  pageChanges,
  pageValues,
} from "./page-values";
import { sanitizeCss } from "./sanitize-css";
import {
  CreatePageBody,
  imageBody,
  MEDIA_LIMITS,
  MediaQuery,
  PageIdParam,
  PageListSchema,
  PageSchema,
  SanitizeCssBody,
  SanitizeCssResult,
  UpdatePageBody,
} from "./schema";
import { sniffImage } from "./sniff-image";
import { type PageJson, toPageJson } from "./to-page-json";
import { verifyCustomDomain } from "./verify-custom-domain";

const tags = ["Bio pages"];

/** The ETag covers what people edit, not the counters that move with every visit. */
const etagOfPage = (page: PageJson) => etagOf({ ...page, total_views: null, total_clicks: null });

/** Two requests for one address at once: the unique index let only one through. */
async function whileAddressFree<T>(check: () => Promise<void>, write: () => Promise<T>): Promise<T> {
  await check();
  try {
    return await write();
  } catch (err) {
    await check();
    throw err;
  }
}

/** Writes a change to a page with its activity entry, then refreshes its public addresses and the live feed. */
async function applyPageUpdate(c: Context<AppEnv>, before: PageRow, next: PageValues): Promise<PageJson> {
  const db = c.var.db;
  const access = currentWorkspace(c);
  assertMayChange(access, before, next);
  assertOwnMedia(before.id, next);
  assertPageWeight({ ...before, ...next }, before);
  const changes = pageChanges(before, next);
  if (Object.keys(changes).length > 0) {
    await whileAddressFree(
      () => assertAddressFree(db, next, before.id),
      () =>
        db.atomic((q) => [
          q.update(db.t.linkInBioPages).set(next).where(eq(db.t.linkInBioPages.id, before.id)),
          activityEntry(c, q, db, {
            workspaceId: access.workspace.id,
            type:
              "is_active" in changes
                ? next.is_active
                  ? "link_in_bio_page.published"
                  : "link_in_bio_page.unpublished"
                : "link_in_bio_page.updated",
            description: `${currentIdentity(c).user.name} changed ${Object.keys(changes).join(", ")} of the bio page ${next.title ?? before.title}`,
            entityType: "link_in_bio_page",
            entityId: before.id,
            metadata: { changes },
          }),
        ]),
    );
  }
  const after = await getPageOrThrow(db, { workspaceId: access.workspace.id, pageId: before.id });
  const page = toPageJson(after);
  if (Object.keys(changes).length > 0) {
    // Committed: the images it replaced or removed can go (in the background; a failure is only logged).
    c.executionCtx.waitUntil(deleteBioMedia(c.env, unusedMedia(before, after)));
    await invalidateSites(c.env, sitesOf(before, after));
    await publishChanges(c, access.workspace.id, [
      { entity_type: "link_in_bio_page", entity_id: before.id, op: "update", changed: changes, data: page },
    ]);
  }
  return page;
}

export const bioRoutes = createRouter()
  // GET /api/v1/workspaces/:workspaceId/bio-pages — the workspace's pages, oldest first
  .openapi(
    workspaceRoute("bio.pages.read", {
      method: "get",
      path: "/{workspaceId}/bio-pages",
      tags,
      summary: "List bio pages",
      request: { params: WorkspaceIdParam },
      responses: {
        200: json(PageListSchema, "The workspace's pages"),
        ...errorResponses("unauthorized", "forbidden", "not_found"),
      },
    }),
    async (c) => {
      const { workspace } = currentWorkspace(c);
      const t = c.var.db.t.linkInBioPages;
      const rows = await c.var.db.q
        .select()
        .from(t)
        .where(eq(t.workspace_id, workspace.id))
        .orderBy(asc(t.created_at), asc(t.id))
        .limit(200);
      return c.json({ data: rows.map(toPageJson) }, 200);
    },
  )
  // POST /api/v1/workspaces/:workspaceId/bio-pages — a new page, a draft unless is_active says otherwise
  .openapi(
    workspaceRoute("bio.pages.create", {
      method: "post",
      path: "/{workspaceId}/bio-pages",
      tags,
      summary: "Create a bio page",
      request: { params: WorkspaceIdParam, ...body(CreatePageBody) },
      responses: {
        201: json(PageSchema, "The new page"),
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "not_found", "conflict", "validation_failed"),
      },
    }),
    async (c) => {
      const db = c.var.db;
      const access = currentWorkspace(c);
      const me = currentIdentity(c).user;
      const values = pageValues(c.req.valid("json"));
      assertMayChange(access, null, values);
      const id = uuidv7();
      assertOwnMedia(id, values);
      const row = { links: [], is_active: false, ...values, id, workspace_id: access.workspace.id } as PageRow;
      assertPageWeight(row, null);
      await whileAddressFree(
        () => assertAddressFree(db, values, null),
        () =>
          db.atomic((q) => [
            q.insert(db.t.linkInBioPages).values(row),
            activityEntry(c, q, db, {
              workspaceId: access.workspace.id,
              type: "link_in_bio_page.created",
              description: `${me.name} created the bio page ${row.title} (/${row.slug})`,
              entityType: "link_in_bio_page",
              entityId: id,
            }),
          ]),
      );
      const created = toPageJson(await getPageOrThrow(db, { workspaceId: access.workspace.id, pageId: id }));
      await invalidateSites(c.env, sitesOf(created));
      await publishChanges(c, access.workspace.id, [
        { entity_type: "link_in_bio_page", entity_id: id, op: "create", data: created },
      ]);
      c.header("ETag", await etagOfPage(created));
      c.header("Location", `/api/v1/workspaces/${access.workspace.id}/bio-pages/${id}`);
      return c.json(created, 201);
    },
  )
  // POST /api/v1/workspaces/:workspaceId/bio-pages/sanitize-css — what the sanitiser keeps of some CSS, for the builder
  .openapi(
    workspaceRoute("bio.pages.update", {
      method: "post",
      path: "/{workspaceId}/bio-pages/sanitize-css",
      tags,
      summary: "Check custom CSS",
      description: "The CSS a page would use and the warnings for what was left out; nothing is saved.",
      request: { params: WorkspaceIdParam, ...body(SanitizeCssBody) },
      responses: {
        200: json(SanitizeCssResult, "Kept CSS and warnings"),
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const { workspace } = currentWorkspace(c);
      const page = input.page_id
        ? await getPageOrThrow(c.var.db, { workspaceId: workspace.id, pageId: input.page_id })
        : null;
      return c.json(sanitizeCss(input.custom_css, page ? pageMediaUrls(page) : []), 200);
    },
  )
  // GET /api/v1/workspaces/:workspaceId/bio-pages/:pageId — one page, with its ETag
  .openapi(
    workspaceRoute("bio.pages.read", {
      method: "get",
      path: "/{workspaceId}/bio-pages/{pageId}",
      tags,
      summary: "A bio page",
      request: { params: PageIdParam },
      responses: {
        200: json(PageSchema, "The page"),
        ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const { pageId } = c.req.valid("param");
      const page = toPageJson(
        await getPageOrThrow(c.var.db, { workspaceId: currentWorkspace(c).workspace.id, pageId }),
      );
      c.header("ETag", await etagOfPage(page));
      return c.json(page, 200);
    },
  )
  // PATCH /api/v1/workspaces/:workspaceId/bio-pages/:pageId — change fields; If-Match guards against lost updates
  .openapi(
    workspaceRoute("bio.pages.update", {
      method: "patch",
      path: "/{workspaceId}/bio-pages/{pageId}",
      tags,
      summary: "Update a bio page",
      description:
        "Contributors edit drafts; publishing (is_active), the slug and the custom domain need bio.pages.publish.",
      request: { params: PageIdParam, ...body(UpdatePageBody) },
      responses: {
        200: json(PageSchema, "The page as it is now"),
        ...errorResponses(
          "invalid_json",
          "unauthorized",
          "forbidden",
          "not_found",
          "conflict",
          "precondition_failed",
          "validation_failed",
        ),
      },
    }),
    async (c) => {
      const { pageId } = c.req.valid("param");
      const db = c.var.db;
      const access = currentWorkspace(c);
      const before = await getPageOrThrow(db, { workspaceId: access.workspace.id, pageId });
      await assertIfMatch(c, { ...toPageJson(before), total_views: null, total_clicks: null });
      const next = pageValues(c.req.valid("json"));
      // The same domain again is not a change: keep its token and verification.
      if (next.custom_domain !== undefined && next.custom_domain === before.custom_domain) {
        delete next.custom_domain;
        delete next.custom_domain_token;
        delete next.custom_domain_verified_at;
      }
      const page = await applyPageUpdate(c, before, next);
      c.header("ETag", await etagOfPage(page));
      return c.json(page, 200);
    },
  )
  // DELETE /api/v1/workspaces/:workspaceId/bio-pages/:pageId — delete a page with its analytics and images
  .openapi(
    workspaceRoute("bio.pages.delete", {
      method: "delete",
      path: "/{workspaceId}/bio-pages/{pageId}",
      tags,
      summary: "Delete a bio page",
      request: { params: PageIdParam },
      responses: {
        204: { description: "Deleted" },
        ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const { pageId } = c.req.valid("param");
      const db = c.var.db;
      const { workspace } = currentWorkspace(c);
      const page = await getPageOrThrow(db, { workspaceId: workspace.id, pageId });
      const { linkInBioPages, linkInBioStats, linkInBioVisitors } = db.t;
      await db.atomic((q) => [
        // Children first: D1 checks foreign keys statement by statement.
        q.delete(linkInBioStats).where(eq(linkInBioStats.page_id, page.id)),
        q.delete(linkInBioVisitors).where(eq(linkInBioVisitors.page_id, page.id)),
        q.delete(linkInBioPages).where(eq(linkInBioPages.id, page.id)),
        activityEntry(c, q, db, {
          workspaceId: workspace.id,
          type: "link_in_bio_page.deleted",
          description: `${currentIdentity(c).user.name} deleted the bio page ${page.title} (/${page.slug})`,
          entityType: "link_in_bio_page",
          entityId: page.id,
          metadata: { slug: page.slug },
        }),
      ]);
      // Committed: the page's images go too (in the background; a failure is only logged, the sweep retries).
      c.executionCtx.waitUntil(deletePageMedia(c.env, page.id));
      await invalidateSites(c.env, sitesOf(page));
      await publishChanges(c, workspace.id, [{ entity_type: "link_in_bio_page", entity_id: page.id, op: "delete" }]);
      return c.body(null, 204);
    },
  )
  // GET /api/v1/workspaces/:workspaceId/bio-pages/:pageId/analytics — views, uniques, clicks, CTR, referrers, countries, devices
  .openapi(
    workspaceRoute("bio.analytics.read", {
      method: "get",
      path: "/{workspaceId}/bio-pages/{pageId}/analytics",
      tags,
      summary: "A bio page's analytics",
      description: `Daily figures (UTC) for up to ${MAX_ANALYTICS_DAYS} days. Counts still waiting in the page's counters are written first, so the answer is up to date.`,
      request: { params: PageIdParam, query: AnalyticsQuery },
      responses: {
        200: json(AnalyticsSchema, "The page's analytics"),
        ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const { pageId } = c.req.valid("param");
      const query = c.req.valid("query");
      const page = await getPageOrThrow(c.var.db, { workspaceId: currentWorkspace(c).workspace.id, pageId });
      const sites = [...sitesOf(page), pageSite(page.id)];
      await flushBuffered(c.env, sites);
      await Promise.all(
        sites.map((site) =>
          counterFor(c.env, site)
            .flush()
            .catch((err: unknown) => {
              // Older figures are still worth showing; the counter's alarm retries the write.
              console.error(
                JSON.stringify({ level: "error", msg: "bio stats flush failed", site, error: String(err) }),
              );
            }),
        ),
      );
      const to = query.to ?? new Date().toISOString().slice(0, 10);
      const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
      if ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > MAX_ANALYTICS_DAYS || from > to) {
        throw new AppError("validation_failed", "Some fields are missing or invalid.", [
          {
            path: "from",
            message: `Choose at most ${MAX_ANALYTICS_DAYS} days, ending on or after the start.`,
            code: "custom",
          },
        ]);
      }
      return c.json(await getPageAnalytics(c.var.db, page, from, to), 200);
    },
  )
  // POST /api/v1/workspaces/:workspaceId/bio-pages/:pageId/media?field= — upload the profile picture or background
  .openapi(
    workspaceRoute("bio.pages.update", {
      method: "post",
      path: "/{workspaceId}/bio-pages/{pageId}/media",
      tags,
      summary: "Upload a page image",
      description:
        "The raw image as the body: PNG, JPEG, GIF or WebP (checked from its bytes), at most 2 MB for a profile picture and 5 MB for a background. The page's field then points at it.",
      request: { params: PageIdParam, query: MediaQuery, ...imageBody },
      responses: {
        200: json(PageSchema, "The page, with the new image"),
        ...errorResponses(
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
      const { pageId } = c.req.valid("param");
      const { field } = c.req.valid("query");
      const access = currentWorkspace(c);
      const before = await getPageOrThrow(c.var.db, { workspaceId: access.workspace.id, pageId });
      // Refused before anything is stored: no file is kept for a change that may not be made.
      assertMayChange(access, before, { [field]: "/bio-media/" });
      const limit = MEDIA_LIMITS[field];
      const tooLarge = () =>
        new AppError("payload_too_large", `Use an image of at most ${limit / 1024 / 1024} MB.`, { limit });
      if (Number(c.req.header("Content-Length") ?? 0) > limit) throw tooLarge();
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length > limit) throw tooLarge();
      const kind = sniffImage(bytes);
      if (!kind) throw new AppError("unsupported_media_type", "Upload a PNG, JPEG, GIF or WebP image.");
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
      const name = Array.from(digest.slice(0, 16), (b) => b.toString(16).padStart(2, "0")).join("");
      const key = `${before.id}/${name}.${kind.ext}`;
      // Named by its content: the same image again is the same file, and a file never changes.
      await c.env.BIO_MEDIA.put(key, bytes, { httpMetadata: { contentType: kind.type } });
      const values: PageValues = { [field]: `/bio-media/${key}` };
      // A background is uploaded to be seen: the page's background becomes the image (a theme's other choices stay).
      if (field === "background_image") {
        const theme = before.theme && typeof before.theme === "object" ? before.theme : {};
        values.theme = { ...theme, background_type: "image" } as PageValues["theme"];
      }
      const page = await applyPageUpdate(c, before, values);
      c.header("ETag", await etagOfPage(page));
      return c.json(page, 200);
    },
  )
  // POST /api/v1/workspaces/:workspaceId/bio-pages/:pageId/custom-domain/verify — check the DNS TXT record, then serve the domain
  .openapi(
    workspaceRoute("bio.pages.publish", {
      method: "post",
      path: "/{workspaceId}/bio-pages/{pageId}/custom-domain/verify",
      tags,
      summary: "Verify a page's custom domain",
      description: "Looks up the TXT record _mewayz.<domain>; it must hold mewayz-verify=<custom_domain_token>.",
      request: { params: PageIdParam },
      responses: {
        200: json(PageSchema, "The page; custom_domain_verified says whether it worked"),
        ...errorResponses(
          "unauthorized",
          "forbidden",
          "not_found",
          "conflict",
          "service_unavailable",
          "validation_failed",
        ),
      },
    }),
    async (c) => {
      const { pageId } = c.req.valid("param");
      const before = await getPageOrThrow(c.var.db, { workspaceId: currentWorkspace(c).workspace.id, pageId });
      if (!before.custom_domain || !before.custom_domain_token) {
        throw new AppError("conflict", "Set a custom domain on the page first.");
      }
      if (before.custom_domain_verified_at) return c.json(toPageJson(before), 200);
      await verifyCustomDomain(c.env, before.custom_domain, before.custom_domain_token);
      const page = await applyPageUpdate(c, before, { custom_domain_verified_at: new Date() });
      c.header("ETag", await etagOfPage(page));
      return c.json(page, 200);
    },
  );
