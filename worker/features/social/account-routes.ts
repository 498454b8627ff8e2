// /api/v1/workspaces/:workspaceId/social-accounts — connected social accounts: list
// with each platform's availability, connect through OAuth (and its callback under
// /api/v1/social), remove, and connect a sandbox account in local development.
import { createRoute, z } from "@hono/zod-openapi";
import { generateCodeVerifier, generateState } from "arctic";
import { and, asc, eq } from "drizzle-orm";
import type { Context } from "hono";
import { activityEntry } from "../../lib/activity";
import { currentIdentity, requireUser } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { createRouter } from "../../lib/factory";
import { body, errorResponses, json } from "../../lib/openapi";
import { publishChanges } from "../../lib/realtime";
import { currentWorkspace, loadWorkspaceAccess, workspaceRoute } from "../../lib/workspace-access";
import { workspaceClock } from "../../lib/workspace-clock";
import { addDays, type CalendarDay, zonedDay } from "../../lib/zoned-time";
import { WorkspaceIdParam } from "../workspaces/schema";
import { accountMetrics, dayKey } from "./account-metrics";
import { getAccountOrThrow } from "./get-account-or-throw";
import { saveOAuthState, takeOAuthState } from "./oauth-state";
import { readPendingConnection, savePendingConnection, takePendingConnection } from "./pending-connection";
import { adapterFor } from "./platforms/adapter-for";
import { PlatformError } from "./platforms/platform-error";
import { PLATFORMS, type Platform } from "./platforms/platform-limits";
import { sandboxAllowed, sandboxTokens } from "./platforms/sandbox-adapter";
import { saveAccount } from "./save-account";
import {
  AccountIdParam,
  AccountListSchema,
  AccountMetricsQuery,
  AccountMetricsSchema,
  AccountSchema,
  CallbackQuery,
  ChooseAccountBody,
  PendingConnectionSchema,
  PendingIdParam,
  PlatformParam,
  SandboxBody,
} from "./schema";
import { toAccountJson } from "./to-account-json";

const tags = ["Social accounts"];
/** A YYYY-MM-DD the query schema already checked. */
const parseDay = (text: string): CalendarDay => {
  const [year, month, day] = text.split("-").map(Number) as [number, number, number];
  return { year, month, day };
};
const callbackUrl = (c: Context<AppEnv>, platform: Platform) =>
  `${new URL(c.req.url).origin}/api/v1/social/callback/${platform}`;
const accountsPage = (workspaceId: string, query: Record<string, string>) =>
  `/app/w/${workspaceId}/social?${new URLSearchParams({ tab: "accounts", ...query })}`;

async function accountJson(c: Context<AppEnv>, workspaceId: string, accountId: string) {
  return toAccountJson(await getAccountOrThrow(c.var.db, { workspaceId, accountId }));
}

const pendingGone = () =>
  new AppError("not_found", "This choice has expired or was already made. Connect the account again.");

async function pendingOrThrow(c: Context<AppEnv>, workspaceId: string, pendingId: string) {
  const pending = await readPendingConnection(c.env, c.var.db, pendingId.toLowerCase(), {
    workspaceId,
    userId: currentIdentity(c).user.id,
  });
  if (!pending) throw pendingGone();
  return pending;
}

export const socialAccountRoutes = createRouter()
  // GET /api/v1/workspaces/:workspaceId/social-accounts — connected accounts and which platforms can be connected
  .openapi(
    workspaceRoute("social.accounts.read", {
      method: "get",
      path: "/{workspaceId}/social-accounts",
      tags,
      summary: "List connected social accounts",
      request: { params: WorkspaceIdParam },
      responses: {
        200: json(AccountListSchema, "Accounts, oldest first, and each platform's availability"),
        ...errorResponses("unauthorized", "forbidden", "not_found"),
      },
    }),
    async (c) => {
      const { workspace } = currentWorkspace(c);
      const t = c.var.db.t.socialMediaAccounts;
      const rows = await c.var.db.q
        .select()
        .from(t)
        .where(eq(t.workspace_id, workspace.id))
        .orderBy(asc(t.created_at), asc(t.id));
      return c.json(
        {
          data: rows.map(toAccountJson),
          platforms: PLATFORMS.map((platform) => ({
            platform,
            configured: adapterFor(c.env, platform).configured,
            sandbox: sandboxAllowed(c.env),
          })),
        },
        200,
      );
    },
  )
  // GET /api/v1/workspaces/:workspaceId/social-accounts/connect/:platform — start OAuth (also how to reconnect)
  .openapi(
    workspaceRoute("social.accounts.manage", {
      method: "get",
      path: "/{workspaceId}/social-accounts/connect/{platform}",
      tags,
      summary: "Connect (or reconnect) an account",
      description:
        "Redirects the browser to the platform's consent screen; the platform sends it back to /api/v1/social/callback/{platform}.",
      request: { params: PlatformParam },
      responses: {
        302: { description: "To the platform's consent screen" },
        ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const { platform } = c.req.valid("param");
      const { workspace } = currentWorkspace(c);
      const adapter = adapterFor(c.env, platform);
      if (!adapter.configured) {
        throw new AppError(
          "not_found",
          `Connecting ${platform} accounts is not configured here.${sandboxAllowed(c.env) ? " Connect a sandbox account instead." : ""}`,
          { platform },
        );
      }
      const state = generateState();
      const verifier = generateCodeVerifier();
      await saveOAuthState(c.var.db, state, {
        workspace_id: workspace.id,
        user_id: currentIdentity(c).user.id,
        platform,
        code_verifier: verifier,
      });
      return c.redirect(adapter.authorizationUrl(state, verifier, callbackUrl(c, platform)).toString(), 302);
    },
  )
  // GET /api/v1/workspaces/:workspaceId/social-accounts/:accountId/metrics — engagement per day, for a chart
  .openapi(
    workspaceRoute("social.accounts.read", {
      method: "get",
      path: "/{workspaceId}/social-accounts/{accountId}/metrics",
      tags,
      summary: "An account's engagement per day",
      description:
        "Days of the workspace's calendar: the posts published each day and the sum of their metrics as last synced.",
      request: { params: AccountIdParam, query: AccountMetricsQuery },
      responses: {
        200: json(AccountMetricsSchema, "One entry per day of the range"),
        ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const { workspace } = currentWorkspace(c);
      const account = await getAccountOrThrow(c.var.db, {
        workspaceId: workspace.id,
        accountId: c.req.valid("param").accountId,
      });
      const { timeZone } = workspaceClock(workspace);
      const to = query.to ? parseDay(query.to) : zonedDay(new Date(), timeZone);
      const from = query.from ? parseDay(query.from) : addDays(to, -29);
      const span =
        (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000;
      if (span < 0 || span > 366) {
        throw new AppError("validation_failed", "Ask for up to 366 days, `to` on or after `from`.", [
          { path: span < 0 ? "to" : "from", message: "Up to 366 days, to on or after from.", code: "custom" },
        ]);
      }
      const result = await accountMetrics(
        c.var.db,
        { workspaceId: workspace.id, accountId: account.id },
        { from, to, timeZone },
      );
      return c.json(
        { account_id: account.id, time_zone: timeZone, from: dayKey(from), to: dayKey(to), ...result },
        200,
      );
    },
  )
  // POST /api/v1/workspaces/:workspaceId/social-accounts/sandbox — connect a sandbox account (local development only)
  .openapi(
    workspaceRoute("social.accounts.manage", {
      method: "post",
      path: "/{workspaceId}/social-accounts/sandbox",
      tags,
      summary: "Connect a sandbox account",
      description:
        "Local development only (404 in production): an account on the sandbox network, which publishes through the same cron, queue and publisher. A post containing #fail is refused, #ratelimit is rate limited, #timeout is left unconfirmed.",
      request: { params: WorkspaceIdParam, ...body(SandboxBody) },
      responses: {
        201: json(AccountSchema, "The sandbox account"),
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      if (!sandboxAllowed(c.env)) throw new AppError("not_found", "There is no sandbox network in production.");
      const input = c.req.valid("json");
      const { workspace } = currentWorkspace(c);
      const username = input.username ?? `sandbox_${input.platform}`;
      const { id } = await saveAccount(c, c.var.db, {
        workspaceId: workspace.id,
        userId: currentIdentity(c).user.id,
        platform: input.platform,
        profile: {
          account_id: `sandbox-${input.platform}-${username.toLowerCase()}`,
          username,
          display_name: `${username} (sandbox)`,
          profile_picture: null,
          info: { sandbox: true },
        },
        tokens: sandboxTokens(),
      });
      const account = await accountJson(c, workspace.id, id);
      await publishChanges(c, workspace.id, [
        { entity_type: "social_media_account", entity_id: id, op: "create", data: account },
      ]);
      return c.json(account, 201);
    },
  )
  // GET /api/v1/workspaces/:workspaceId/social-accounts/pending/:pendingId — the accounts a sign-in can connect
  .openapi(
    workspaceRoute("social.accounts.manage", {
      method: "get",
      path: "/{workspaceId}/social-accounts/pending/{pendingId}",
      tags,
      summary: "Accounts to choose from",
      description:
        "After a sign-in that manages several accounts (Facebook Pages, their Instagram accounts), the callback redirects to the app with `choose={pendingId}`; this lists them. Only for the person who signed in, for 15 minutes.",
      request: { params: PendingIdParam },
      responses: {
        200: json(PendingConnectionSchema, "The candidates"),
        ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const { workspace } = currentWorkspace(c);
      const pending = await pendingOrThrow(c, workspace.id, c.req.valid("param").pendingId);
      const t = c.var.db.t.socialMediaAccounts;
      const existing = await c.var.db.q
        .select({ account_id: t.account_id })
        .from(t)
        .where(and(eq(t.workspace_id, workspace.id), eq(t.platform, pending.platform)));
      const connected = new Set(existing.map((row) => row.account_id));
      return c.json(
        {
          id: pending.id,
          platform: pending.platform,
          expires_at: pending.expires_at.toISOString(),
          candidates: pending.candidates.map(({ profile }) => ({
            account_id: profile.account_id,
            username: profile.username,
            display_name: profile.display_name,
            profile_picture: profile.profile_picture,
            connected: connected.has(profile.account_id),
          })),
        },
        200,
      );
    },
  )
  // POST /api/v1/workspaces/:workspaceId/social-accounts/pending/:pendingId — connect the chosen account
  .openapi(
    workspaceRoute("social.accounts.manage", {
      method: "post",
      path: "/{workspaceId}/social-accounts/pending/{pendingId}",
      tags,
      summary: "Connect the chosen account",
      request: { params: PendingIdParam, ...body(ChooseAccountBody) },
      responses: {
        201: json(AccountSchema, "The connected account"),
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const { account_id } = c.req.valid("json");
      const { workspace } = currentWorkspace(c);
      const db = c.var.db;
      const pending = await pendingOrThrow(c, workspace.id, c.req.valid("param").pendingId);
      const chosen = pending.candidates.find((candidate) => candidate.profile.account_id === account_id);
      if (!chosen) {
        throw new AppError("validation_failed", "Choose one of the accounts this sign-in can connect.", [
          { path: "account_id", message: "Not one of the candidates.", code: "custom" },
        ]);
      }
      // Taken once: a second choice (a double click, another tab) finds nothing.
      if (!(await takePendingConnection(db, pending.id))) throw pendingGone();
      const { id, created } = await saveAccount(c, db, {
        workspaceId: workspace.id,
        userId: currentIdentity(c).user.id,
        platform: pending.platform,
        profile: chosen.profile,
        tokens: chosen.tokens,
      });
      const account = await accountJson(c, workspace.id, id);
      await publishChanges(c, workspace.id, [
        { entity_type: "social_media_account", entity_id: id, op: created ? "create" : "update", data: account },
      ]);
      return c.json(account, 201);
    },
  )
  // DELETE /api/v1/workspaces/:workspaceId/social-accounts/:accountId — disconnect (its posts go with it)
  .openapi(
    workspaceRoute("social.accounts.manage", {
      method: "delete",
      path: "/{workspaceId}/social-accounts/{accountId}",
      tags,
      summary: "Disconnect an account",
      request: { params: AccountIdParam },
      responses: {
        204: { description: "Disconnected" },
        ...errorResponses("unauthorized", "forbidden", "not_found", "conflict", "validation_failed"),
      },
    }),
    async (c) => {
      const db = c.var.db;
      const { workspace } = currentWorkspace(c);
      const account = await getAccountOrThrow(db, {
        workspaceId: workspace.id,
        accountId: c.req.valid("param").accountId,
      });
      const p = db.t.socialMediaPosts;
      const [busy] = await db.q
        .select({ id: p.id })
        .from(p)
        .where(and(eq(p.social_media_account_id, account.id), eq(p.status, "publishing")))
        .limit(1);
      if (busy)
        throw new AppError("conflict", "A post of this account is being published right now; try again in a minute.");
      await db.atomic((q) => [
        q.delete(db.t.socialMediaAccounts).where(eq(db.t.socialMediaAccounts.id, account.id)),
        activityEntry(c, q, db, {
          workspaceId: workspace.id,
          type: "social_media_account.disconnected",
          description: `${currentIdentity(c).user.name} disconnected the ${account.platform} account @${account.username}`,
          entityType: "social_media_account",
          entityId: account.id,
        }),
      ]);
      await publishChanges(c, workspace.id, [
        { entity_type: "social_media_account", entity_id: account.id, op: "delete" },
      ]);
      return c.body(null, 204);
    },
  );

// GET /api/v1/social/callback/:platform — the platform sends the browser back here with a code
export const socialCallbackRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/callback/{platform}",
    tags,
    summary: "OAuth callback of a platform",
    middleware: [requireUser()] as const,
    request: { params: z.object({ platform: z.enum(PLATFORMS) }), query: CallbackQuery },
    responses: {
      302: {
        description:
          "To the workspace's accounts page, with ?connected= or ?error=, or ?choose={pendingId} when the sign-in manages several accounts",
      },
      ...errorResponses("unauthorized", "not_found", "validation_failed"),
    },
  }),
  async (c) => {
    const { platform } = c.req.valid("param");
    const query = c.req.valid("query");
    const db = c.var.db;
    const saved = query.state ? await takeOAuthState(db, query.state) : null;
    const me = currentIdentity(c).user;
    // Only the person who started this connection, for this platform, may finish it.
    if (!saved || saved.user_id !== me.id || saved.platform !== platform) {
      throw new AppError(
        "not_found",
        "This connection link has expired or was not started here. Start again from the accounts page.",
      );
    }
    const access = await loadWorkspaceAccess(db, saved.workspace_id, me.id);
    if (!access?.permissions.includes("social.accounts.manage")) {
      throw new AppError("not_found", "You can no longer connect accounts in this workspace.");
    }
    if (query.error || !query.code) {
      return c.redirect(
        accountsPage(saved.workspace_id, { error: query.error_description ?? query.error ?? "cancelled" }),
        302,
      );
    }
    const adapter = adapterFor(c.env, platform);
    try {
      const tokens = await adapter.exchangeCode(query.code, saved.code_verifier, callbackUrl(c, platform));
      const choices = adapter.accountChoices
        ? await adapter.accountChoices(tokens)
        : [await adapter.accountInfo(tokens)];
      if (choices.length > 1) {
        // Several Pages: the person chooses in the app (GET, then POST …/social-accounts/pending/{id}).
        const pendingId = await savePendingConnection(c.env, db, {
          workspace_id: saved.workspace_id,
          user_id: me.id,
          platform,
          candidates: choices,
        });
        return c.redirect(accountsPage(saved.workspace_id, { choose: pendingId, platform }), 302);
      }
      const [only] = choices;
      if (!only) throw new PlatformError("rejected", `This ${platform} sign-in has no account to connect.`);
      const { profile, tokens: withExtras } = only;
      c.set("workspace", access);
      const { id, created } = await saveAccount(c, db, {
        workspaceId: saved.workspace_id,
        userId: me.id,
        platform,
        profile,
        tokens: withExtras,
      });
      const account = await accountJson(c, saved.workspace_id, id);
      await publishChanges(c, saved.workspace_id, [
        { entity_type: "social_media_account", entity_id: id, op: created ? "create" : "update", data: account },
      ]);
      return c.redirect(accountsPage(saved.workspace_id, { connected: platform }), 302);
    } catch (err) {
      if (!(err instanceof PlatformError)) throw err;
      return c.redirect(accountsPage(saved.workspace_id, { error: err.message }), 302);
    }
  },
);
