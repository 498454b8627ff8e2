// /api/v1/tokens — personal access tokens for scripts and integrations, Sanctum-compatible.
import { createRoute } from "@hono/zod-openapi";
import { currentIdentity, requireUser } from "../../lib/auth";
import { createRouter } from "../../lib/factory";
import { errorResponses, json } from "../../lib/openapi";
import { pageOf, paginationQuery } from "../../lib/pagination";
import { endLiveSessions, tokenCredential } from "../../lib/realtime";
import { DEFAULT_ABILITIES } from "./abilities";
import { assertGrantable } from "./assert-grantable";
import { createToken } from "./create-token";
import { deleteToken } from "./delete-token";
import { listTokens } from "./list-tokens";
import { CreateTokenBody, NewTokenSchema, TokenIdParam, TokenSchema } from "./schema";
import { toTokenJson } from "./to-token-json";
import { tokenExpiry } from "./token-expiry";

const tags = ["Tokens"];

export const tokenRoutes = createRouter()
  // GET /api/v1/tokens — my tokens, newest first, never their secrets
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags,
      summary: "My personal access tokens",
      middleware: [requireUser("account:read")] as const,
      request: { query: paginationQuery },
      responses: {
        200: json(pageOf(TokenSchema), "Tokens, newest first"),
        ...errorResponses("invalid_cursor", "unauthorized", "forbidden", "validation_failed"),
      },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid("query");
      return c.json(await listTokens(c.var.db, currentIdentity(c).user.id, { limit, cursor }), 200);
    },
  )
  // POST /api/v1/tokens — create a token; its plain text is shown this once
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      tags,
      summary: "Create a personal access token",
      middleware: [requireUser("account:write")] as const,
      request: { body: { content: { "application/json": { schema: CreateTokenBody } }, required: true } },
      responses: {
        201: json(NewTokenSchema, "The new token, with its plain text shown once"),
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "validation_failed"),
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const identity = currentIdentity(c);
      const abilities = input.abilities ?? DEFAULT_ABILITIES;
      assertGrantable(identity, abilities, { chosen: input.abilities !== undefined });
      const { row, plainTextToken } = await createToken(c.var.db, {
        userId: identity.user.id,
        name: input.name,
        abilities,
        expiresAt: tokenExpiry(input, new Date()),
      });
      // The secret is in this body and nowhere else: no cache may keep a copy.
      c.header("Cache-Control", "no-store");
      return c.json({ token: toTokenJson(row), plain_text_token: plainTextToken }, 201);
    },
  )
  // DELETE /api/v1/tokens/:id — revoke one of my tokens
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      tags,
      summary: "Revoke one of my personal access tokens",
      middleware: [requireUser("account:write")] as const,
      request: { params: TokenIdParam },
      responses: {
        204: { description: "Revoked" },
        ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const userId = currentIdentity(c).user.id;
      const id = Number(c.req.valid("param").id);
      await deleteToken(c.var.db, userId, id);
      // A revoked token's live sockets close now, not at their next reconnect.
      await endLiveSessions(c.env, c.var.db, userId, [tokenCredential(id)]);
      return c.body(null, 204);
    },
  );
