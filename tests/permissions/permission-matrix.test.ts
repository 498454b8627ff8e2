// The permission matrix, generated: every workspace-scoped operation in the OpenAPI
// document, called by each role and by a non-member, must answer as the one
// permission table says. A new route is covered the day it is mounted.
import { beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, type Action, abilityFor, effectivePermissions, ROLES, type Role } from "../../worker/lib/permissions";
import { type Client, signUp } from "../helpers/api";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { createToken, withToken } from "../tokens/token-helpers";
import {
  addMember,
  answerOf,
  fillPath,
  isWorkspaceNotFound,
  type Operation,
  requestFor,
  workspaceOperations,
} from "./workspace-operations";

const operations = await workspaceOperations();
const isAction = (value: string | null): value is Action => (ACTIONS as readonly string[]).includes(value ?? "");
const gated = operations.filter((op): op is Operation & { permission: Action } => isAction(op.permission));

type Caller = Role | "non-member";
type Expected = "404" | "403" | "allowed";

const expectedFor = (who: Caller, action: Action): Expected =>
  who === "non-member" ? "404" : effectivePermissions(who, null).includes(action) ? "allowed" : "403";

const cases = gated.flatMap((op) =>
  [...ROLES, "non-member" as const].map((who) => {
    const expected = expectedFor(who, op.permission);
    return [`${op.label} as ${who} → ${expected}`, { op, who, expected }] as const;
  }),
);

describe("the permission matrix", () => {
  let owner: Client;
  let stranger: Client;
  /** One person per role, signed up once and seated in each case's fresh workspace. */
  const cast = {} as Record<Exclude<Role, "owner">, { client: Client; user: { id: string } }>;
  let readOnlyToken: string;

  // Seven sign-ups, each hashing a password: allow for a busy machine.
  beforeAll(async () => {
    owner = (await signUp({ name: "Matrix Owner" })).client;
    stranger = (await signUp({ name: "Matrix Stranger" })).client;
    const first = await createWorkspace(owner, "Matrix Cast");
    for (const role of ROLES) if (role !== "owner") cast[role] = await teammate(first.id, role);
    readOnlyToken = (await createToken(owner, { name: "read only", abilities: ["workspaces:read"] })).plain_text_token;
  }, 30_000);

  it("finds the workspace routes in the OpenAPI document", () => {
    const labels = operations.map((op) => op.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        "GET /api/v1/workspaces/{workspaceId}",
        "PATCH /api/v1/workspaces/{workspaceId}",
        "DELETE /api/v1/workspaces/{workspaceId}",
        "GET /api/v1/workspaces/{workspaceId}/activity",
      ]),
    );
  });

  it("declares an x-permission from the permission table on every workspace route", () => {
    expect(operations.filter((op) => op.permission === null).map((op) => op.label)).toEqual([]);
    expect(operations.filter((op) => op.permission !== null && !isAction(op.permission)).map((op) => op.label)).toEqual(
      [],
    );
  });

  // A change that is let through (delete, leave, hand over) gets a fresh workspace, so it
  // never changes the answer another caller gets; reads and refusals change nothing and
  // share one workspace per caller.
  const shared = new Map<Caller, Promise<{ id: string }>>();
  const seated = async (who: Caller) => {
    const workspace = await createWorkspace(owner, `Matrix ${who}`);
    if (who !== "owner" && who !== "non-member") await addMember(workspace.id, cast[who].user.id, who);
    return workspace;
  };
  const workspaceFor = (who: Caller, changes: boolean) => {
    if (changes) return seated(who);
    const known = shared.get(who);
    if (known) return known;
    const workspace = seated(who);
    shared.set(who, workspace);
    return workspace;
  };

  it.each(cases)("%s", async (_, { op, who, expected }) => {
    const workspace = await workspaceFor(who, expected === "allowed" && op.method !== "GET");
    const caller = who === "owner" ? owner : who === "non-member" ? stranger : cast[who].client;
    const answer = await answerOf(await caller.fetch(fillPath(op, workspace.id), requestFor(op)));
    if (expected === "404") {
      // Usually the gate's "Workspace not found."; a route may refuse a malformed child id first, also with 404.
      expect(answer, JSON.stringify(answer)).toMatchObject({ status: 404, error: { code: "not_found" } });
    } else if (expected === "403") {
      expect(answer).toMatchObject({ status: 403, error: { code: "forbidden", details: { action: op.permission } } });
    } else {
      // Past the gate: anything but a refusal of the workspace — 200, 204, a child's 404, 409, 422…
      expect(answer.status, JSON.stringify(answer)).not.toBe(403);
      expect(isWorkspaceNotFound(answer), JSON.stringify(answer)).toBe(false);
      expect(answer.status, JSON.stringify(answer)).toBeLessThan(500);
    }
  });

  // An owner's token that may only read workspaces. The ability a request needs is
  // abilityFor(action); a method that changes something needs the write ability even
  // when its action is a read one (leaving a workspace needs only workspace.read).
  const abilityNeeded = (op: Operation & { permission: Action }) =>
    op.method === "GET" ? abilityFor(op.permission) : abilityFor(op.permission).replace(/:read$/, ":write");

  it.each(
    gated.map((op) => {
      const ability = abilityNeeded(op);
      const expected = ability === "workspaces:read" ? "allowed" : "403";
      return [`${op.label} with a workspaces:read token → ${expected}`, { op, ability, expected }] as const;
    }),
  )("%s", async (_, { op, ability, expected }) => {
    const workspace = await workspaceFor("owner", expected === "allowed" && op.method !== "GET");
    const answer = await answerOf(await withToken(readOnlyToken, fillPath(op, workspace.id), requestFor(op)));
    if (expected === "403") {
      expect(answer, JSON.stringify(answer)).toMatchObject({ status: 403, error: { details: { ability } } });
    } else {
      expect(answer.status, JSON.stringify(answer)).not.toBe(403);
      expect(isWorkspaceNotFound(answer)).toBe(false);
    }
  });
});
