// Post media in R2: POST /api/v1/workspaces/:workspaceId/posts/media stores an image or
// video (the raw file as the body) and answers its public URL; GET /media/social/… serves
// it to anyone, because Instagram, TikTok and Facebook fetch media from a URL themselves.
// Keys carry a random UUIDv7, so a URL cannot be guessed from another.
import { z } from "@hono/zod-openapi";
import { Hono } from "hono";
import { uuidv7 } from "../../../db/uuidv7";
import type { AppEnv } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { createRouter } from "../../lib/factory";
import { errorResponses, json } from "../../lib/openapi";
import { currentWorkspace, workspaceRoute } from "../../lib/workspace-access";
import { WorkspaceIdParam } from "../workspaces/schema";

const TYPES: Record<string, { ext: string; kind: "image" | "video" }> = {
  "image/jpeg": { ext: "jpg", kind: "image" },
  "image/png": { ext: "png", kind: "image" },
  "image/gif": { ext: "gif", kind: "image" },
  "image/webp": { ext: "webp", kind: "image" },
  "video/mp4": { ext: "mp4", kind: "video" },
  "video/quicktime": { ext: "mov", kind: "video" },
  "video/webm": { ext: "webm", kind: "video" },
};
/** The largest any network takes is far above what a request carries; Workers accept 100 MB bodies. */
const MAX_BYTES = { image: 10 * 1024 * 1024, video: 100 * 1024 * 1024 };

const MediaSchema = z.object({ url: z.string(), kind: z.enum(["image", "video"]), bytes: z.number().int() });

export const socialMediaUploadRoutes = createRouter()
  // POST /api/v1/workspaces/:workspaceId/posts/media — upload one image or video; answers its public URL
  .openapi(
    workspaceRoute("social.posts.create", {
      method: "post",
      path: "/{workspaceId}/posts/media",
      tags: ["Social posts"],
      summary: "Upload post media",
      description:
        "The file itself is the body, with its Content-Type (JPEG, PNG, GIF, WebP, MP4, MOV, WebM). Images up to 10 MB, videos up to 100 MB.",
      request: { params: WorkspaceIdParam },
      responses: {
        201: json(MediaSchema, "Where the file is served"),
        ...errorResponses("unauthorized", "forbidden", "not_found", "payload_too_large", "unsupported_media_type"),
      },
    }),
    async (c) => {
      const { workspace } = currentWorkspace(c);
      const bucket = c.env.SOCIAL_MEDIA;
      if (!bucket) throw new AppError("not_found", "Media storage is not configured here.");
      const type = (c.req.header("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
      const known = TYPES[type];
      if (!known) {
        throw new AppError(
          "unsupported_media_type",
          "Upload a JPEG, PNG, GIF, WebP image or an MP4, MOV, WebM video.",
          { type },
        );
      }
      const declared = Number(c.req.header("Content-Length"));
      if (Number.isFinite(declared) && declared > MAX_BYTES[known.kind]) {
        throw new AppError(
          "payload_too_large",
          `${known.kind === "image" ? "Images" : "Videos"} can be up to ${MAX_BYTES[known.kind] / 1024 / 1024} MB.`,
        );
      }
      const body = await c.req.arrayBuffer();
      if (body.byteLength === 0) throw new AppError("unsupported_media_type", "The file is empty.");
      if (body.byteLength > MAX_BYTES[known.kind]) {
        throw new AppError(
          "payload_too_large",
          `${known.kind === "image" ? "Images" : "Videos"} can be up to ${MAX_BYTES[known.kind] / 1024 / 1024} MB.`,
        );
      }
      const key = `social/${workspace.id}/${uuidv7()}.${known.ext}`;
      await bucket.put(key, body, {
        httpMetadata: { contentType: type, cacheControl: "public, max-age=31536000, immutable" },
      });
      const url = `${new URL(c.req.url).origin}/media/${key}`;
      return c.json({ url, kind: known.kind, bytes: body.byteLength }, 201);
    },
  );

// GET /media/social/:workspaceId/:file — a post's media, public for the networks that pull it
export const publicMediaRoutes = new Hono<AppEnv>().get("/social/:workspaceId/:file", async (c) => {
  const bucket = c.env.SOCIAL_MEDIA;
  const { workspaceId, file } = c.req.param();
  if (!bucket || !/^[0-9a-f-]{36}$/.test(workspaceId) || !/^[0-9a-f-]{36}\.[a-z0-9]{2,5}$/.test(file))
    return c.notFound();
  const object = await bucket.get(`social/${workspaceId}/${file}`);
  if (!object) return c.notFound();
  const headers = new Headers();
  object.writeHttpMetadata(headers);
  headers.set("ETag", object.httpEtag);
  headers.set("Content-Length", String(object.size));
  return new Response(object.body, { headers });
});
