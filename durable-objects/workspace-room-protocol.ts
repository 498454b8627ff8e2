// The live workspace's wire protocol: one discriminated union each way, parsed with
// zod by the room and by the web client, so neither trusts the other's JSON.
import { z } from "zod";

/** Close codes a client can act on: sign in again, or stop reconnecting to this workspace. */
export const CLOSE = {
  /** The session or token behind the socket ended (sign-out, revocation, password reset). */
  SESSION_ENDED: 4401,
  /** The member was removed, suspended, or lost read access to the workspace. */
  ACCESS_REVOKED: 4403,
  /** The client sent something the room will not accept, repeatedly. */
  POLICY: 1008,
} as const;

export const MAX_CLIENT_MESSAGE_BYTES = 16 * 1024;

const entityRef = z.object({ entity_type: z.string().max(64), entity_id: z.string().max(64) });

export const ClientMessage = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("presence"),
    /** What this tab shows, e.g. { entity_type: "crm_contact", entity_id }. */
    viewing: entityRef.nullable().optional(),
    /** The field being edited on that entity, e.g. "notes". */
    editing: z.string().max(64).nullable().optional(),
    status: z.enum(["active", "idle"]).optional(),
  }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export const ChangeEvent = z.object({
  type: z.literal("change"),
  seq: z.number().int().positive(),
  entity_type: z.string(),
  entity_id: z.string(),
  op: z.enum(["create", "update", "delete"]),
  data: z.record(z.string(), z.unknown()).optional(),
  changed: z.record(z.string(), z.unknown()).optional(),
  actor_id: z.string().nullable(),
  at: z.string(),
});
export type ChangeEvent = z.infer<typeof ChangeEvent>;

export const PresenceEntry = z.object({
  user_id: z.string(),
  name: z.string(),
  avatar: z.string().nullable(),
  tabs: z.number().int().nonnegative(),
  status: z.enum(["active", "idle"]),
  viewing: z.array(entityRef.extend({ editing: z.string().nullable() })),
});
export type PresenceEntry = z.infer<typeof PresenceEntry>;

const single = z.discriminatedUnion("type", [
  z.object({ type: z.literal("hello"), seq: z.number().int().nonnegative(), presence: z.array(PresenceEntry) }),
  ChangeEvent,
  /** The users whose presence changed, whole; an entry with `tabs: 0` left. `hello` carries the full list. */
  z.object({ type: z.literal("presence"), presence: z.array(PresenceEntry) }),
  z.object({ type: z.literal("resync"), seq: z.number().int().nonnegative() }),
  z.object({ type: z.literal("error"), code: z.string(), message: z.string() }),
]);

export const ServerMessage = z.union([
  single,
  /** Several messages in one frame, when many arrive at once. */
  z.object({ type: z.literal("batch"), messages: z.array(single) }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
export type SingleServerMessage = z.infer<typeof single>;

/** What the worker publishes after a commit; the room adds seq and at. */
export type ChangeInput = Omit<ChangeEvent, "type" | "seq" | "at"> & {
  /** The permission a socket needs to receive this event. */
  read_permission: string;
};

/** Who a socket belongs to: decided by the worker, never by the client. */
export const SocketIdentity = z.object({
  user_id: z.string(),
  name: z.string(),
  avatar: z.string().nullable(),
  role: z.string(),
  permissions: z.array(z.string()),
  /** The session or API token that opened the socket: ending it closes the socket. */
  credential: z.string(),
});
export type SocketIdentity = z.infer<typeof SocketIdentity>;
