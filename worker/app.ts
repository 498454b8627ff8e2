// Builds the worker's Hono app: request ids, the database, one error model, the
// OpenAPI document, and each feature mounted under /api.
import { swaggerUI } from "@hono/swagger-ui";
import { OpenAPIHono } from "@hono/zod-openapi";
import { requestId } from "hono/request-id";
import { activityRoutes } from "./features/activity/routes";
import { googleRoutes } from "./features/auth/google-routes";
import { authRoutes } from "./features/auth/routes";
import { customDomainGate } from "./features/bio/custom-domain-gate";
import { bioMediaRoutes } from "./features/bio/media-routes";
import { bioPublicRoutes } from "./features/bio/public-routes";
import { bioRoutes } from "./features/bio/routes";
import { crmImportRoutes } from "./features/crm/import-routes";
import { crmRoutes } from "./features/crm/routes";
import { devOutboxRoutes } from "./features/dev-outbox/routes";
import { docRoutes } from "./features/docs/routes";
import { healthRoutes, livenessRoutes } from "./features/health/routes";
import { inviteLinkRoutes } from "./features/invitations/invite-link-routes";
import { inviteLinkJoinRoutes } from "./features/invitations/join-routes";
import { invitationResponseRoutes } from "./features/invitations/respond-routes";
import { invitationRoutes } from "./features/invitations/routes";
import { liveRoutes } from "./features/live/routes";
import { memberRoutes } from "./features/members/routes";
import { socialAccountRoutes, socialCallbackRoutes } from "./features/social/account-routes";
import { publicMediaRoutes, socialMediaUploadRoutes } from "./features/social/media-routes";
import { socialPostRoutes } from "./features/social/routes";
import { spaRoutes } from "./features/spa/routes";
import { tokenRoutes } from "./features/tokens/routes";
import { workspaceRoutes } from "./features/workspaces/routes";
import { identify } from "./lib/auth";
import { csrfProtection } from "./lib/csrf";
import { databaseFor } from "./lib/db";
import type { AppEnv } from "./lib/env";
import { errorBody, toErrorResponse } from "./lib/errors";

const api = new OpenAPIHono<AppEnv>()
  .route("/", healthRoutes)
  .route("/v1/auth", authRoutes)
  .route("/v1/auth", googleRoutes)
  .route("/v1/tokens", tokenRoutes)
  .route("/v1/dev", devOutboxRoutes)
  .route("/v1/workspaces", workspaceRoutes)
  .route("/v1/workspaces", memberRoutes)
  .route("/v1/workspaces", invitationRoutes)
  .route("/v1/workspaces", inviteLinkRoutes)
  .route("/v1/invitations", invitationResponseRoutes)
  .route("/v1/invite-links", inviteLinkJoinRoutes)
  .route("/v1/workspaces", activityRoutes)
  .route("/v1/workspaces", liveRoutes)
  .route("/v1/workspaces", docRoutes)
  .route("/v1/workspaces", crmImportRoutes)
  .route("/v1/workspaces", crmRoutes)
  .route("/v1/workspaces", bioRoutes)
  .route("/v1/workspaces", socialAccountRoutes)
  .route("/v1/workspaces", socialMediaUploadRoutes)
  .route("/v1/workspaces", socialPostRoutes)
  .route("/v1/social", socialCallbackRoutes);

export const app = new OpenAPIHono<AppEnv>();

app.use(requestId());
// A verified bio custom domain shows its own page and nothing else: not the app, the API or other pages.
app.use(customDomainGate);
app.use("/api/*", async (c, next) => {
  c.set("db", databaseFor(c.env));
  await next();
});
app.use("/api/*", csrfProtection);
app.use("/api/*", identify);
app.route("/api", api);
app.route("/", spaRoutes);
// Post media the networks fetch from our public URLs.
app.route("/media", publicMediaRoutes);
// Public bio pages: /{slug}, and / on a verified custom domain (any other host is redirected to /app/ there).
app.route("/", livenessRoutes);
app.route("/", bioMediaRoutes);
app.route("/", bioPublicRoutes);

app.doc31("/api/openapi.json", {
  openapi: "3.1.0",
  info: {
    title: "Mewayz API",
    version: "1.0.0",
    description: "Workspaces, CRM, bio pages, social, email, courses, store.",
  },
});
app.get("/api/docs", swaggerUI({ url: "/api/openapi.json" }));

app.notFound((c) => {
  if (new URL(c.req.url).pathname.startsWith("/api/")) {
    return c.json(errorBody("not_found", `No API route matches ${c.req.method} ${new URL(c.req.url).pathname}.`), 404);
  }
  return c.html("<!doctype html><title>Not found</title><h1>Page not found</h1>", 404);
});
app.onError(toErrorResponse);

export type AppType = typeof api;
