// Cookie-authenticated writes must come from our own pages: a browser tells us
// where a request came from (Sec-Fetch-Site, or Origin in older browsers), and a
// JSON body cannot be sent cross-site without a preflight we never grant.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env";
import { AppError } from "./errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The one route that takes a file instead of JSON: a contact import's CSV upload, as
 * multipart/form-data or text/csv. A cross-site form can send multipart, so for it the
 * same-origin check is what stands (it runs first); text/csv needs a preflight we never grant.
 */
const FILE_UPLOAD_PATH = /^\/api\/v1\/workspaces\/[^/]+\/contacts\/imports\/?$/;
const FILE_UPLOAD_TYPE = /^(multipart\/form-data|text\/csv)\b/i;
/** A bio page's image upload, as the raw image: image/* bodies need a preflight we never grant, too. */
const IMAGE_UPLOAD_PATH = /^\/api\/v1\/workspaces\/[^/]+\/bio-pages\/[^/]+\/media\/?$/;
const IMAGE_UPLOAD_TYPE = /^image\/(png|jpeg|gif|webp)\b/i;
/** A post's media upload: the raw image or video (types a cross-site form cannot send without a preflight). */
const MEDIA_UPLOAD_PATH = /^\/api\/v1\/workspaces\/[^/]+\/posts\/media\/?$/;
const MEDIA_UPLOAD_TYPE = /^(image|video)\/[a-z0-9.+-]+$/i;
const isFileUpload = (method: string, path: string, type: string) =>
  method === "POST" &&
  ((FILE_UPLOAD_PATH.test(path) && FILE_UPLOAD_TYPE.test(type)) ||
    (IMAGE_UPLOAD_PATH.test(path) && IMAGE_UPLOAD_TYPE.test(type)) ||
    (MEDIA_UPLOAD_PATH.test(path) && MEDIA_UPLOAD_TYPE.test(type.split(";")[0]?.trim() ?? "")));

export const csrfProtection: MiddlewareHandler<AppEnv> = async (c, next) => {
  // Bearer tokens are not sent by browsers on their own, so they carry no CSRF risk.
  if (SAFE_METHODS.has(c.req.method) || c.req.header("Authorization")) return next();
  const site = c.req.header("Sec-Fetch-Site");
  const origin = c.req.header("Origin");
  const sameOrigin =
    site !== undefined ? site === "same-origin" || site === "none" : !origin || origin === new URL(c.req.url).origin;
  if (!sameOrigin) {
    throw new AppError("forbidden", "This request came from another site and was refused.", { reason: "cross_site" });
  }
  const length = Number(c.req.header("Content-Length") ?? "0");
  const hasBody = length > 0 || c.req.header("Transfer-Encoding") !== undefined;
  const type = c.req.header("Content-Type") ?? "";
  if (hasBody && !/^application\/json\b/i.test(type) && !isFileUpload(c.req.method, c.req.path, type)) {
    throw new AppError("unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
  }
  return next();
};
