// A live-workspace client for tests: connects like the web app does, and collects
// every message (batches unpacked) so a test can wait for the one it expects.
import { SELF } from "cloudflare:test";
import { ServerMessage, type SingleServerMessage } from "../../durable-objects/workspace-room-protocol";
import { type Client, ORIGIN } from "./api";

export type LiveSocket = {
  ws: WebSocket;
  messages: SingleServerMessage[];
  closed: Promise<{ code: number; reason: string }>;
  next<T extends SingleServerMessage["type"]>(
    type: T,
    where?: (m: Extract<SingleServerMessage, { type: T }>) => boolean,
  ): Promise<Extract<SingleServerMessage, { type: T }>>;
  send(message: unknown): void;
};

export async function connectLive(
  who: Client,
  workspaceId: string,
  options: { since?: number; headers?: Record<string, string>; query?: string } = {},
): Promise<LiveSocket> {
  const params = new URLSearchParams(options.query ?? "");
  if (options.since !== undefined) params.set("since", String(options.since));
  const headers = new Headers({ Upgrade: "websocket", Origin: ORIGIN, ...options.headers });
  if (who.cookie && !headers.has("Cookie")) headers.set("Cookie", who.cookie);
  const res = await SELF.fetch(`${ORIGIN}/api/v1/workspaces/${workspaceId}/live?${params}`, { headers });
  const ws = res.webSocket;
  if (!ws) throw new Error(`no socket: ${res.status} ${await res.text()}`);
  ws.accept();
  const messages: SingleServerMessage[] = [];
  const waiters: (() => void)[] = [];
  ws.addEventListener("message", (event) => {
    const parsed = ServerMessage.parse(JSON.parse(String(event.data)));
    messages.push(...(parsed.type === "batch" ? parsed.messages : [parsed]));
    for (const wake of waiters.splice(0)) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.addEventListener("close", (event) => resolve({ code: event.code, reason: event.reason })),
  );
  const socket: LiveSocket = {
    ws,
    messages,
    closed,
    async next(type, where = () => true) {
      const deadline = Date.now() + 3000;
      for (;;) {
        const found = messages.find((m) => m.type === type && where(m as never));
        if (found) {
          messages.splice(messages.indexOf(found), 1);
          return found as never;
        }
        if (Date.now() > deadline) throw new Error(`no ${type} message; got ${JSON.stringify(messages)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    send: (message) => ws.send(typeof message === "string" ? message : JSON.stringify(message)),
  };
  return socket;
}
