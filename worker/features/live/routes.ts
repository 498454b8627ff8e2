// GET /api/v1/workspaces/:workspaceId/live — the workspace's live feed over a WebSocket.
import { z } from "@hono/zod-openapi";
import type { SocketIdentity } from "../../../durable-objects/workspace-room-protocol";
import { currentIdentity } from "../../lib/auth";
import { AppError } from "../../lib/errors";
import { createRouter } from "../../lib/factory";
import { errorResponses } from "../../lib/openapi";
import { credentialOf, roomOf } from "../../lib/realtime";
import { currentWorkspace, workspaceRoute } from "../../lib/workspace-access";
import { WorkspaceIdParam } from "../workspaces/schema";

export const liveRoutes = createRouter().openapi(
  workspaceRoute("workspace.read", {
    method: "get",
    path: "/{workspaceId}/live",
    tags: ["Live"],
    summary: "Connect to the workspace's change feed and presence (WebSocket)",
    description:
      "Upgrade to a WebSocket. `since` replays the changes after that sequence number, or answers `resync` when they are no longer kept. Close codes: 4401 session ended, 4403 access revoked.",
    request: {
      params: WorkspaceIdParam,
      query: z.object({
        since: z.coerce.number().int().nonnegative().optional(),
        access_token: z.string().max(300).optional(),
      }),
    },
    responses: {
      101: { description: "Switching to the WebSocket protocol" },
      ...errorResponses("unauthorized", "forbidden", "not_found", "upgrade_required", "validation_failed"),
    },
  }),
  async (c) => {
    if (c.req.header("Upgrade") !== "websocket") {
      throw new AppError("upgrade_required", "Connect with a WebSocket (Upgrade: websocket).");
    }
    const identity = currentIdentity(c);
    // A cookie rides along from any page; only our own pages may open a socket with it.
    if (identity.kind === "session" && c.req.header("Origin") !== new URL(c.req.url).origin) {
      throw new AppError("forbidden", "Live connections are accepted from this app only.", { reason: "origin" });
    }
    const access = currentWorkspace(c);
    const socket: SocketIdentity = {
      user_id: identity.user.id,
      name: identity.user.name,
      avatar: identity.user.avatar,
      role: access.role,
      permissions: access.permissions,
      credential: credentialOf(identity),
    };
    const { since } = c.req.valid("query");
    const url = new URL("https://room/connect");
    if (since !== undefined) url.searchParams.set("since", String(since));
    return roomOf(c.env, access.workspace.id).fetch(
      new Request(url, { headers: { Upgrade: "websocket", "X-Socket-Identity": JSON.stringify(socket) } }),
    );
  },
);
