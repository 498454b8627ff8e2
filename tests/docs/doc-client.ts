// A collaborative-text client for worker tests: it speaks y-protocols over a socket
// from SELF.fetch exactly as a stock y-websocket provider does — sync step 1 when
// the socket opens, every local change as an update, answers to the room's step 1
// and awareness queries — and keeps the frames it heard so a test can wait for one.
import { env, SELF } from "cloudflare:test";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { connectD1 } from "../../db/connect-d1";
import { uuidv7 } from "../../db/uuidv7";
import { DOC_MESSAGE, DOC_TEXT } from "../../durable-objects/doc-protocol";
import { type Client, ORIGIN } from "../helpers/api";

const REMOTE = Symbol("remote");

export type AwarenessEntry = { clientID: number; clock: number; state: unknown };

export type DocSocket = {
  ws: WebSocket;
  doc: Y.Doc;
  text: Y.Text;
  /** Resolves once the room's step 2 (its whole state) has been applied. */
  synced: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  /** Awareness entries heard, in order. */
  awareness: AwarenessEntry[];
  queriedAwareness: number;
  /** Sends sync step 1 and waits for the answer: everything sent before it has been handled by the room. */
  roundTrip(): Promise<void>;
  /** Announces this client's awareness state (null: gone), as a provider does on open and on change. */
  announce(state: Record<string, unknown> | null): void;
  send(frame: Uint8Array): void;
  until(condition: () => boolean, what: string): Promise<void>;
};

export const docPath = (workspaceId: string, docName: string) => `/api/v1/workspaces/${workspaceId}/docs/${docName}`;

/** The raw upgrade request, for tests of what is refused before any socket exists. */
export function requestDoc(
  who: Client | null,
  workspaceId: string,
  docName: string,
  options: { headers?: Record<string, string>; query?: string } = {},
) {
  const headers = new Headers({ Upgrade: "websocket", Origin: ORIGIN, ...options.headers });
  if (who?.cookie && !headers.has("Cookie") && !headers.has("Authorization")) headers.set("Cookie", who.cookie);
  const query = options.query ? `?${options.query}` : "";
  return SELF.fetch(`${ORIGIN}${docPath(workspaceId, docName)}${query}`, { headers });
}

export async function connectDoc(
  who: Client | null,
  workspaceId: string,
  docName: string,
  options: { headers?: Record<string, string>; query?: string } = {},
): Promise<DocSocket> {
  const res = await requestDoc(who, workspaceId, docName, options);
  const ws = res.webSocket;
  if (!ws) throw new Error(`no socket: ${res.status} ${await res.text()}`);
  ws.accept();
  // As y-websocket does: binary frames as ArrayBuffers, not Blobs.
  ws.binaryType = "arraybuffer";
  const doc = new Y.Doc();
  const text = doc.getText(DOC_TEXT);
  const waiters: (() => void)[] = [];
  const wake = () => {
    for (const w of waiters.splice(0)) w();
  };
  let markSynced = () => {};
  const synced = new Promise<void>((resolve) => {
    markSynced = resolve;
  });
  let steps2 = 0;
  let clock = 0;
  let localState: Record<string, unknown> | null = null;

  const send = (frame: Uint8Array) => ws.send(frame);
  const sendStep1 = () => {
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, DOC_MESSAGE.SYNC);
    syncProtocol.writeSyncStep1(step1, doc);
    send(encoding.toUint8Array(step1));
  };
  const awarenessFrame = () => {
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, doc.clientID);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(localState));
    const frame = encoding.createEncoder();
    encoding.writeVarUint(frame, DOC_MESSAGE.AWARENESS);
    encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
    return encoding.toUint8Array(frame);
  };

  const socket: DocSocket = {
    ws,
    doc,
    text,
    synced,
    closed: new Promise((resolve) =>
      ws.addEventListener("close", (event) => {
        resolve({ code: event.code, reason: event.reason });
        wake();
      }),
    ),
    awareness: [],
    queriedAwareness: 0,
    async roundTrip() {
      const seen = steps2;
      sendStep1();
      await socket.until(() => steps2 > seen, "the room's answer to sync step 1");
    },
    announce(state) {
      localState = state;
      clock++;
      send(awarenessFrame());
    },
    send,
    async until(condition, what) {
      const deadline = Date.now() + 5000;
      while (!condition()) {
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for ${what}; text is ${JSON.stringify(text.toString())}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
  };

  ws.addEventListener("message", (event) => {
    const data = event.data;
    if (typeof data === "string") throw new Error(`a document socket got text: ${data}`);
    const decoder = decoding.createDecoder(new Uint8Array(data as ArrayBuffer));
    const type = decoding.readVarUint(decoder);
    if (type === DOC_MESSAGE.SYNC) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, DOC_MESSAGE.SYNC);
      const step = syncProtocol.readSyncMessage(decoder, reply, doc, REMOTE);
      if (step === syncProtocol.messageYjsSyncStep2) {
        steps2++;
        markSynced();
      }
      if (encoding.length(reply) > 1) send(encoding.toUint8Array(reply));
    } else if (type === DOC_MESSAGE.AWARENESS) {
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      const count = decoding.readVarUint(update);
      for (let i = 0; i < count; i++) {
        const clientID = decoding.readVarUint(update);
        const entryClock = decoding.readVarUint(update);
        socket.awareness.push({ clientID, clock: entryClock, state: JSON.parse(decoding.readVarString(update)) });
      }
    } else if (type === DOC_MESSAGE.QUERY_AWARENESS) {
      socket.queriedAwareness++;
      if (localState) send(awarenessFrame());
    }
    wake();
  });
  // Local edits go out as updates; edits that came from the room do not go back.
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin === REMOTE) return;
    const frame = encoding.createEncoder();
    encoding.writeVarUint(frame, DOC_MESSAGE.SYNC);
    syncProtocol.writeUpdate(frame, update);
    send(encoding.toUint8Array(frame));
  });
  sendStep1();
  return socket;
}

export const database = () => connectD1(env.DB);

/** A CRM contact straight in the database: there is no CRM API yet. */
export async function createContact(workspaceId: string, createdBy: string, notes: string | null) {
  const db = database();
  const id = uuidv7();
  await db.atomic((q) => [
    q.insert(db.t.crmContacts).values({
      id,
      workspace_id: workspaceId,
      first_name: "Grace",
      last_name: "Hopper",
      notes,
      created_by: createdBy,
    }),
  ]);
  return id;
}

export async function createCampaign(workspaceId: string, createdBy: string, content: string) {
  const db = database();
  const id = uuidv7();
  await db.atomic((q) => [
    q.insert(db.t.emailCampaigns).values({
      id,
      workspace_id: workspaceId,
      subject: "Spring news",
      sender: "news@example.com",
      template: "plain",
      audience: "everyone",
      content,
      created_by: createdBy,
    }),
  ]);
  return id;
}

/** A lesson, in a module, in a course of the workspace: the lesson itself has no workspace. */
export async function createLesson(workspaceId: string, createdBy: string, content: string) {
  const db = database();
  const [courseId, moduleId, lessonId] = [uuidv7(), uuidv7(), uuidv7()];
  await db.atomic((q) => [
    q.insert(db.t.courses).values({
      id: courseId,
      workspace_id: workspaceId,
      title: "Pottery",
      slug: `pottery-${courseId}`,
      created_by: createdBy,
    }),
    q.insert(db.t.courseModules).values({ id: moduleId, course_id: courseId, title: "Clay", order_index: 0 }),
    q.insert(db.t.courseLessons).values({
      id: lessonId,
      course_id: courseId,
      module_id: moduleId,
      title: "Wedging",
      content,
      order_index: 0,
    }),
  ]);
  return lessonId;
}

/** Waits for something the room does after a socket closes, in its own time. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last saw ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
