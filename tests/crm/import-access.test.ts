/// <reference types="vite/client" />
// Who may import, and where an import writes: only members allowed crm.contacts.import,
// only into their own workspace, and never by another workspace's job id.
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf, signUp } from "../helpers/api";
import { createWorkspace, teammate } from "../helpers/workspaces";
import commaBom from "./fixtures/comma-bom.csv?raw";
import {
  contactsOf,
  createContact,
  importFile,
  importsPath,
  preview,
  rowsOf,
  sendFile,
  upload,
} from "./import-helpers";

type Person = Awaited<ReturnType<typeof signUp>>;

describe("who may import", () => {
  let owner: Person;
  let workspace: { id: string };

  beforeAll(async () => {
    owner = await signUp({ name: "Paz Permission" });
    workspace = await createWorkspace(owner.client, "Permission Co");
  });

  it.each(["viewer", "contributor"] as const)("refuses a %s: 403, and nothing is stored", async (role) => {
    const member = await teammate(workspace.id, role);
    const res = await sendFile(member.client, workspace.id, commaBom);
    expect(res.status).toBe(403);
    expect((await errorOf(res)).details).toMatchObject({ action: "crm.contacts.import", role });
    const list = await member.client.fetch(importsPath(workspace.id));
    expect(list.status).toBe(403);
  });

  it("lets an editor import from start to end", async () => {
    const editor = await teammate(workspace.id, "editor");
    const { job } = await importFile(editor.client, workspace.id, commaBom);
    expect(job).toMatchObject({ status: "completed", created_count: 2 });
    expect((await contactsOf(workspace.id)).map((c) => c.created_by)).toEqual([editor.user.id, editor.user.id]);
  });

  it("lets a member granted crm.contacts.import import, and one revoked it not", async () => {
    const granted = await teammate(workspace.id, "viewer", { grant: ["crm.contacts.import"] });
    expect((await sendFile(granted.client, workspace.id, commaBom)).status).toBe(201);
    const revoked = await teammate(workspace.id, "editor", { revoke: ["crm.contacts.import"] });
    expect((await sendFile(revoked.client, workspace.id, commaBom)).status).toBe(403);
  });
});

describe("one workspace's imports from another", () => {
  let ownerA: Person;
  let ownerB: Person;
  let a: { id: string };
  let b: { id: string };
  let jobOfA: string;

  beforeAll(async () => {
    ownerA = await signUp({ name: "Ana of A" });
    ownerB = await signUp({ name: "Ben of B" });
    a = await createWorkspace(ownerA.client, "Import Tenant A");
    b = await createWorkspace(ownerB.client, "Import Tenant B");
    await createContact(ownerA.client, a.id, { first_name: "Ada", last_name: "of A", email: "ada@example.com" });
    const uploaded = await upload(ownerA.client, a.id, commaBom);
    jobOfA = uploaded.job.id;
  });

  it.each([
    ["GET", ""],
    ["POST", "/preview"],
    ["POST", "/run"],
    ["GET", "/report"],
    ["GET", "/report.csv"],
    ["DELETE", ""],
  ])("answers %s …/imports/{A's job}%s in B with 404", async (method, tail) => {
    const res = await ownerB.client.fetch(importsPath(b.id, `/${jobOfA}${tail}`), {
      method,
      ...(tail === "/preview" && { json: { mapping: { "2": "email", "0": "first_name", "1": "last_name" } } }),
    });
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toMatchObject({ code: "not_found", message: "Import not found." });
    expect((await rowsOf(jobOfA)).every((r) => r.outcome === "pending")).toBe(true);
  });

  it("does not list A's imports in B", async () => {
    const list = (await (await ownerB.client.fetch(importsPath(b.id))).json()) as { data: { id: string }[] };
    expect(list.data.map((j) => j.id)).not.toContain(jobOfA);
  });

  it("matches duplicates only within the importing workspace, and writes only there", async () => {
    const before = await contactsOf(a.id);
    const { previewed, job } = await importFile(ownerB.client, b.id, commaBom, { duplicate_strategy: "update" });
    // Ada exists in A, not in B: in B she is new.
    expect(previewed.counts).toMatchObject({ created: 2, updated: 0 });
    expect(job).toMatchObject({ created_count: 2, updated_count: 0 });
    expect((await contactsOf(b.id)).map((c) => c.email)).toEqual(["ada@example.com", "grace@example.com"]);
    expect(await contactsOf(a.id)).toEqual(before);
  });

  it("runs A's job only through A", async () => {
    await preview(ownerA.client, a.id, jobOfA, { mapping: { "0": "first_name", "1": "last_name", "2": "email" } });
    const res = await ownerA.client.fetch(importsPath(a.id, `/${jobOfA}/run`), { method: "POST" });
    expect(await res.json()).toMatchObject({ status: "completed", created_count: 1, skipped_count: 1 });
    expect((await contactsOf(a.id)).map((c) => c.email)).toEqual(["ada@example.com", "grace@example.com"]);
  });
});
