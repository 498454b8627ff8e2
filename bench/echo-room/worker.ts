// The floor for npm run bench:realtime: a Durable Object that does nothing but hold
// hibernatable sockets and send every POSTed message to all of them — the least any
// fan-out on Workers can cost. The live workspace's figures are compared with this.
import { DurableObject } from "cloudflare:workers";

export class EchoRoom extends DurableObject {
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade") === "websocket") {
      const { 0: client, 1: server } = new WebSocketPair();
      this.ctx.acceptWebSocket(server);
      return new Response(null, { status: 101, webSocket: client });
    }
    const message = await request.text();
    for (const ws of this.ctx.getWebSockets()) ws.send(message);
    return new Response(null, { status: 204 });
  }

  override async webSocketClose(ws: WebSocket): Promise<void> {
    ws.close();
  }
}

type Env = { ECHO_ROOM: DurableObjectNamespace<EchoRoom> };

export default {
  fetch(request: Request, env: Env) {
    if (new URL(request.url).pathname === "/health") return new Response("ok");
    return env.ECHO_ROOM.get(env.ECHO_ROOM.idFromName("bench")).fetch(request);
  },
} satisfies ExportedHandler<Env>;
