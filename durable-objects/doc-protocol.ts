// Collaborative text on the wire: y-protocols' binary framing, exactly as
// y-websocket's own server speaks it, so a stock WebsocketProvider joins as is.
// Every frame starts with a varUint message type:
//   0 sync      then a varUint step (0 step 1: state vector, 1 step 2: update, 2 update) and a varUint8Array
//   1 awareness then a varUint8Array awareness update (clientID, clock, JSON state per client)
//   3 query awareness (room to client: "send your awareness")
// The shared text is `doc.getText("content")`.
import { z } from "zod";

export const DOC_MESSAGE = { SYNC: 0, AWARENESS: 1, AUTH: 2, QUERY_AWARENESS: 3 } as const;

/** The name of the Y.Text every collaborative field lives in. */
export const DOC_TEXT = "content";

/**
 * Close codes of a document socket. y-websocket stops reconnecting on 4400–4499
 * (so do SESSION_ENDED 4401 and ACCESS_REVOKED 4403 from the live protocol) and
 * retries anything else.
 */
export const DOC_CLOSE = {
  /** The row behind the document was deleted. */
  GONE: 4404,
  /** An edit would have made the text longer than its field allows (its limit, or its column); the edit was not kept. */
  TOO_LARGE: 4413,
  /**
   * The row no longer takes edits (a post that is publishing or published); the edit was not kept.
   * A reconnect joins read-only and receives the saved text.
   */
  LOCKED: 4423,
  /** The room could not load the document (the database did not answer); try again. */
  UNAVAILABLE: 1011,
} as const;

/** What the worker decided about a document socket: passed to the room next to the socket's identity. */
export const DocGrant = z.object({
  workspace_id: z.string(),
  /** The canonical `{table}:{rowId}:{column}`. */
  doc: z.string().max(200),
  read_permission: z.string(),
  /** The action that lets this socket edit; null: read-only, its edits are dropped. */
  write_permission: z.string().nullable(),
});
export type DocGrant = z.infer<typeof DocGrant>;
