import { describe, expect, it } from "vitest";
import { errorOf, signUp } from "../helpers/api";
import { createWorkspace, teammate } from "../helpers/workspaces";

describe("lost updates on a workspace", () => {
  it("refuses a PATCH based on a stale version with 412 and the current row", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner, "Shared name");
    const admin = await teammate(ws.id, "admin");
    const mine = await owner.fetch(`/api/v1/workspaces/${ws.id}`);
    const theirs = await admin.client.fetch(`/api/v1/workspaces/${ws.id}`);
    const etag = mine.headers.get("ETag");
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(theirs.headers.get("ETag")).toBe(etag); // the same row whoever reads it

    const first = await admin.client.fetch(`/api/v1/workspaces/${ws.id}`, {
      method: "PATCH",
      headers: { "If-Match": etag! },
      json: { description: "Theirs" },
    });
    expect(first.status).toBe(200);
    expect(first.headers.get("ETag")).not.toBe(etag);

    const stale = await owner.fetch(`/api/v1/workspaces/${ws.id}`, {
      method: "PATCH",
      headers: { "If-Match": etag! },
      json: { description: "Mine" },
    });
    expect(stale.status).toBe(412);
    const error = await errorOf(stale);
    expect(error.code).toBe("precondition_failed");
    expect(error.details).toMatchObject({ current: { description: "Theirs" } });

    const keepMine = await owner.fetch(`/api/v1/workspaces/${ws.id}`, {
      method: "PATCH",
      headers: { "If-Match": stale.headers.get("ETag")! },
      json: { description: "Mine" },
    });
    expect(keepMine.status).toBe(200);
    expect(await keepMine.json()).toMatchObject({ description: "Mine" });
  });

  it("lets a PATCH without If-Match through, as before", async () => {
    const { client: owner } = await signUp();
    const ws = await createWorkspace(owner);
    expect(
      (await owner.fetch(`/api/v1/workspaces/${ws.id}`, { method: "PATCH", json: { name: "Blind" } })).status,
    ).toBe(200);
  });
});
