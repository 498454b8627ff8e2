// Collaborative text against the real worker under `wrangler dev`: a stock y-websocket
// provider and a hand-built y-protocols client (the shape our own client takes) type
// into one CRM contact's notes at once, converge, and the row ends with the merged text.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { describe, expect, inject, it } from "vitest";
import WebSocket from "ws";
import * as syncProtocol from "y-protocols/sync";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

type Polyfill = NonNullable<NonNullable<ConstructorParameters<typeof WebsocketProvider>[3]>["WebSocketPolyfill"]>;

const appUrl = inject("appUrl");
const wsUrl = appUrl.replace(/^http/, "ws");

async function api<T>(path: string, init: { method?: string; json?: unknown; cookie?: string } = {}) {
  const res = await fetch(`${appUrl}${path}`, {
    method: init.method ?? "GET",
    headers: {
      "Sec-Fetch-Site": "same-origin",
      "Content-Type": "application/json",
      ...(init.cookie ? { Cookie: init.cookie } : {}),
    },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  if (res.status >= 300) throw new Error(`${init.method ?? "GET"} ${path}: ${res.status} ${await res.text()}`);
  return { body: (await res.json()) as T, res };
}

/** The client our SPA will use, by hand: y-protocols sync over a plain WebSocket, the token in a header. */
function handBuiltClient(url: string, token: string) {
  const doc = new Y.Doc();
  const socket = new WebSocket(url, { headers: { Authorization: `Bearer ${token}` } });
  socket.binaryType = "arraybuffer";
  const remote = Symbol("remote");
  let synced = false;
  const send = (encoder: encoding.Encoder) => socket.send(encoding.toUint8Array(encoder));
  socket.on("open", () => {
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, 0);
    syncProtocol.writeSyncStep1(step1, doc);
    send(step1);
  });
  socket.on("message", (data: ArrayBuffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== 0) return; // awareness and queries: not this client's business
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, 0);
    if (syncProtocol.readSyncMessage(decoder, reply, doc, remote) === syncProtocol.messageYjsSyncStep2) synced = true;
    if (encoding.length(reply) > 1) send(reply);
  });
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin === remote || socket.readyState !== WebSocket.OPEN) return;
    const frame = encoding.createEncoder();
    encoding.writeVarUint(frame, 0);
    syncProtocol.writeUpdate(frame, update);
    send(frame);
  });
  return { doc, socket, isSynced: () => synced };
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("collaborative text over the real worker", () => {
  it("a stock y-websocket provider and our own client converge, and the row gets the merged text", async () => {
    const email = `collab-${Date.now().toString(36)}@example.com`;
    const signup = await api<{ user: { id: string } }>("/api/v1/auth/signup", {
      method: "POST",
      json: { name: "Ada Lovelace", email, password: "violet-otter-harbour-42" },
    });
    const cookie = /(?:^|,\s*)((?:__Host-)?mewayz_session=[^;,]+)/.exec(
      signup.res.headers.get("Set-Cookie") ?? "",
    )?.[1];
    if (!cookie) throw new Error("no session cookie after sign-up");
    const { body: workspace } = await api<{ id: string }>("/api/v1/workspaces", {
      method: "POST",
      json: { name: "Collab Studio" },
      cookie,
    });
    const { body: token } = await api<{ plain_text_token: string }>("/api/v1/tokens", {
      method: "POST",
      json: { name: "collab e2e", abilities: ["workspaces:read", "crm:read", "crm:write"] },
      cookie,
    });
    const contactsPath = `/api/v1/workspaces/${workspace.id}/contacts`;
    const {
      body: { id: contactId },
    } = await api<{ id: string }>(contactsPath, {
      method: "POST",
      json: { first_name: "Grace", last_name: "Hopper", notes: "Met at the fair." },
      cookie,
    });
    const docName = `crm_contacts:${contactId}:notes`;
    const serverUrl = `${wsUrl}/api/v1/workspaces/${workspace.id}/docs`;

    const providerDoc = new Y.Doc();
    const provider = new WebsocketProvider(serverUrl, docName, providerDoc, {
      params: { access_token: token.plain_text_token },
      // ws is what y-websocket's docs suggest for Node; its constructor takes the same arguments.
      WebSocketPolyfill: WebSocket as unknown as Polyfill,
      disableBc: true,
    });
    const ours = handBuiltClient(`${serverUrl}/${docName}`, token.plain_text_token);
    try {
      await until(() => provider.synced && ours.isSynced(), "both clients to sync");
      const providerText = providerDoc.getText("content");
      const ourText = ours.doc.getText("content");
      expect(providerText.toString()).toBe("Met at the fair.");
      expect(ourText.toString()).toBe("Met at the fair.");

      // In the same tick, so neither has seen the other's edit.
      providerText.insert(0, "Ada: ");
      ourText.insert(ourText.length, " Grace: send the deck.");
      const merged = "Ada: Met at the fair. Grace: send the deck.";
      await until(() => providerText.toString() === merged && ourText.toString() === merged, "convergence");
    } finally {
      provider.destroy();
      ours.socket.close(1000);
    }

    // The last one out writes the row, and the contact's timeline says so.
    const deadline = Date.now() + 30_000;
    let notes: string | null = null;
    for (;;) {
      ({
        body: { notes },
      } = await api<{ notes: string | null }>(`${contactsPath}/${contactId}`, { cookie }));
      if (notes === "Ada: Met at the fair. Grace: send the deck." || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(notes).toBe("Ada: Met at the fair. Grace: send the deck.");
    const { body: timeline } = await api<{ data: { type: string }[] }>(
      `/api/v1/workspaces/${workspace.id}/activity?entity_type=crm_contact&entity_id=${contactId}`,
      { cookie },
    );
    expect(timeline.data.filter((entry) => entry.type === "crm_contact.content_edited").length).toBeGreaterThanOrEqual(
      1,
    );
  });
});
