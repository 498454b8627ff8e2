/// <reference types="vite/client" />
// Uploading a CSV to import contacts: what the app gets back to show the mapping
// screen, the files it refuses (with a line number or a fix), the size limits, and
// the CSRF rule that lets a file in only here.
import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf, ORIGIN, signUp } from "../helpers/api";
import { createWorkspace } from "../helpers/workspaces";
import accented from "./fixtures/accented-names.csv?raw";
import commaBom from "./fixtures/comma-bom.csv?raw";
import quoted from "./fixtures/quoted.csv?raw";
import semicolon from "./fixtures/semicolon.csv?raw";
import unterminated from "./fixtures/unterminated-quote.csv?raw";
import { contactsOf, importsPath, latin1, rowsOf, sendFile, upload } from "./import-helpers";

type Person = Awaited<ReturnType<typeof signUp>>;

describe("uploading a CSV of contacts", () => {
  let owner: Person;
  let workspace: { id: string };

  beforeAll(async () => {
    owner = await signUp({ name: "Uma Uploader" });
    workspace = await createWorkspace(owner.client, "Upload Co");
  });

  it("stores a comma file with a BOM, and suggests a mapping from its headers", async () => {
    const answer = await upload(owner.client, workspace.id, commaBom, { fileName: "C:\\Exports\\hubspot.csv" });
    expect(answer.job).toMatchObject({
      status: "uploaded",
      file_name: "hubspot.csv",
      headers: ["First Name", "Last Name", "E-mail", "Company", "Tags"],
      mapping: null,
      total_rows: 2,
      processed_rows: 0,
    });
    expect(answer.delimiter).toBe(",");
    expect(answer.sample).toEqual([
      ["Ada", "Lovelace", "ada@example.com", "Analytical Engines", "vip, math"],
      ["Grace", "Hopper", "grace@example.com", "US Navy", "navy"],
    ]);
    expect(answer.suggested_mapping).toEqual({
      "0": "first_name",
      "1": "last_name",
      "2": "email",
      "3": "company",
      "4": "tags",
    });
    const rows = await rowsOf(answer.job.id);
    expect(rows.map((r) => [r.row_number, r.outcome, r.cells[0]])).toEqual([
      [1, "pending", "Ada"],
      [2, "pending", "Grace"],
    ]);
    // Nothing is imported until the mapping is previewed and the import is run.
    expect(await contactsOf(workspace.id)).toEqual([]);
  });

  it("takes a semicolon file sent as text/csv, and maps Name, Email Address, Phone, Organisation and Score", async () => {
    const answer = await upload(owner.client, workspace.id, semicolon, { as: "csv", fileName: "export.csv" });
    expect(answer.delimiter).toBe(";");
    expect(answer.job.file_name).toBe("export.csv");
    expect(answer.sample[1]).toEqual(["Hopper, Grace", "grace@example.com", "", "Navy; Research", "95"]);
    expect(answer.suggested_mapping).toEqual({
      "0": "full_name",
      "1": "email",
      "2": "phone",
      "3": "company",
      "4": "lead_score",
    });
  });

  it("keeps quoted commas, doubled quotes and line breaks inside a value", async () => {
    const answer = await upload(owner.client, workspace.id, quoted);
    expect(answer.sample[0]).toEqual([
      "Lovelace, Ada",
      "ada@example.com",
      'Wrote the first program.\nSaid "hello" to Babbage.',
      "vip",
    ]);
    expect(answer.suggested_mapping).toEqual({ "0": "full_name", "1": "email", "2": "notes", "3": "tags" });
  });

  it("suggests names people's exports use, and ignores what it does not know", async () => {
    const headers =
      "Given name,Surname,Email Address,Mobile,Organization,Job Title,Lifecycle Stage,Lead Source,Labels,Favourite colour";
    const answer = await upload(owner.client, workspace.id, `${headers}\nAda,L,a@example.com,1,2,3,lead,web,x,blue\n`);
    expect(Object.values(answer.suggested_mapping)).toEqual([
      "first_name",
      "last_name",
      "email",
      "phone",
      "company",
      "position",
      "status",
      "source",
      "tags",
      "ignore",
    ]);
  });

  it("refuses a Latin-1 file with advice to save it as CSV UTF-8", async () => {
    const res = await sendFile(owner.client, workspace.id, latin1(accented));
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.details).toEqual([expect.objectContaining({ path: "file", code: "invalid_encoding" })]);
    expect(error.message).toContain("CSV UTF-8");
  });

  it("refuses a UTF-16 file (Excel's Unicode Text) with advice to save it as CSV UTF-8", async () => {
    const text = "First Name,Email\nJosé,jose@example.com\n";
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[...text].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]),
    ]);
    const res = await sendFile(owner.client, workspace.id, utf16);
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.details).toEqual([expect.objectContaining({ path: "file", code: "invalid_encoding" })]);
    expect(error.message).toContain("UTF-16");
  });

  it("takes the same names in UTF-8", async () => {
    const answer = await upload(owner.client, workspace.id, accented);
    expect(answer.sample[0]?.slice(0, 2)).toEqual(["José", "García"]);
  });

  it("refuses an unterminated quote, naming the line", async () => {
    const res = await sendFile(owner.client, workspace.id, unterminated);
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.details).toEqual([expect.objectContaining({ code: "unterminated_quote", line: 3 })]);
    expect(error.message).toMatch(/line 3/);
  });

  it("refuses a ragged row, naming the line", async () => {
    const res = await sendFile(
      owner.client,
      workspace.id,
      "Email,Name\na@example.com,Ada\nb@example.com,Lovelace, Ada\n",
    );
    expect(res.status).toBe(422);
    expect((await errorOf(res)).details).toEqual([expect.objectContaining({ code: "ragged_row", line: 3 })]);
  });

  it("refuses a file with a header and no rows", async () => {
    const res = await sendFile(owner.client, workspace.id, "Email,Name\r\n");
    expect(res.status).toBe(422);
    expect((await errorOf(res)).details).toEqual([expect.objectContaining({ code: "no_rows" })]);
  });

  it("takes 50,000 rows and refuses 50,001", async () => {
    const over = await sendFile(owner.client, workspace.id, "Email\n".concat("x@example.com\n".repeat(50_001)));
    expect(over.status).toBe(422);
    expect((await errorOf(over)).details).toEqual([expect.objectContaining({ code: "too_many_rows", line: 50_002 })]);
  }, 30_000);

  it("refuses a file over 10 MB with 413, as multipart or as text/csv", async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61);
    for (const as of ["multipart", "csv"] as const) {
      const res = await sendFile(owner.client, workspace.id, big, { as });
      expect(res.status, as).toBe(413);
      expect((await errorOf(res)).code).toBe("payload_too_large");
    }
  }, 30_000);

  it("stops reading a streamed body that passes 10 MB, whatever its length header says", async () => {
    const piece = new Uint8Array(1024 * 1024).fill(0x61);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 11) controller.enqueue(piece);
        else controller.close();
      },
    });
    const res = await owner.client.fetch(importsPath(workspace.id), {
      method: "POST",
      body,
      headers: { "Content-Type": "text/csv" },
    });
    expect(res.status).toBe(413);
  }, 30_000);

  it("refuses a body that is neither a form nor CSV", async () => {
    const res = await owner.client.fetch(importsPath(workspace.id), { method: "POST", json: { rows: [] } });
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe("unsupported_media_type");
    const form = new FormData();
    form.set("attachment", "Email\nx@example.com\n");
    const noFile = await owner.client.fetch(importsPath(workspace.id), { method: "POST", body: form });
    expect(noFile.status).toBe(422);
    expect((await errorOf(noFile)).details).toEqual([expect.objectContaining({ path: "file" })]);
  });
});

describe("the CSRF rule for file uploads", () => {
  let owner: Person;
  let workspace: { id: string };

  beforeAll(async () => {
    owner = await signUp({ name: "Cora Csrf" });
    workspace = await createWorkspace(owner.client, "Csrf Co");
  });

  const formWithFile = () => {
    const form = new FormData();
    form.set("file", new File(["Email,First Name,Last Name\nx@example.com,X,Y\n"], "x.csv", { type: "text/csv" }));
    return form;
  };

  it("refuses the same multipart upload from another site", async () => {
    const res = await owner.client.fetch(importsPath(workspace.id), {
      method: "POST",
      body: formWithFile(),
      headers: { "Sec-Fetch-Site": "cross-site" },
    });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).details).toEqual({ reason: "cross_site" });
    // A browser without Sec-Fetch-Site still sends Origin.
    const viaOrigin = await SELF.fetch(`${ORIGIN}${importsPath(workspace.id)}`, {
      method: "POST",
      body: "Email\nx@example.com\n",
      headers: { Cookie: owner.client.cookie ?? "", "Content-Type": "text/csv", Origin: "https://evil.example" },
    });
    expect(viaOrigin.status).toBe(403);
  });

  it("still refuses multipart and text/csv bodies on every other route", async () => {
    for (const [path, method] of [
      [`/api/v1/workspaces/${workspace.id}`, "PATCH"],
      [`/api/v1/workspaces/${workspace.id}/contacts`, "POST"],
      [`${importsPath(workspace.id)}/${crypto.randomUUID()}/preview`, "POST"],
      [`${importsPath(workspace.id)}/extra`, "POST"],
    ] as const) {
      const multipart = await owner.client.fetch(path, { method, body: formWithFile() });
      expect(multipart.status, `${method} ${path}`).toBe(415);
      expect((await errorOf(multipart)).message).toContain("JSON");
      const csv = await owner.client.fetch(path, {
        method,
        body: "Email\nx@example.com\n",
        headers: { "Content-Type": "text/csv" },
      });
      expect(csv.status, `${method} ${path}`).toBe(415);
    }
  });
});
