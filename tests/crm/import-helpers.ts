// Helpers for the import tests: upload a file as the web app does (multipart) or as
// a script would (text/csv), preview, run to the end, and read what landed in D1.
import { env } from "cloudflare:test";
import { and, asc, eq } from "drizzle-orm";
import { expect } from "vitest";
import { connectD1 } from "../../db/connect-d1";
import type { Client } from "../helpers/api";

export const database = () => connectD1(env.DB);

export const importsPath = (workspaceId: string, tail = "") =>
  `/api/v1/workspaces/${workspaceId}/contacts/imports${tail}`;

export type ImportJobJson = {
  id: string;
  status: "uploaded" | "running" | "completed" | "failed" | "cancelled";
  file_name: string;
  headers: string[];
  mapping: Record<string, string> | null;
  duplicate_strategy: string;
  total_rows: number;
  processed_rows: number;
  created_count: number;
  updated_count: number;
  skipped_count: number;
  error_count: number;
  last_error: string | null;
  started_at: string | null;
  finished_at: string | null;
};

export type UploadJson = {
  job: ImportJobJson;
  headers: string[];
  delimiter: string;
  sample: string[][];
  suggested_mapping: Record<string, string>;
};

export type PreviewJson = {
  job: ImportJobJson;
  counts: { created: number; updated: number; skipped: number; rejected: number; duplicates_in_file: number };
  rows: {
    row_number: number;
    outcome: string;
    reason: string | null;
    email: string | null;
    contact_id: string | null;
    duplicate_of_row: number | null;
  }[];
  rejected: { row_number: number; reason: string; email: string | null }[];
};

/** The text as single-byte Latin-1, the way "CSV (Comma delimited)" on Windows saves it. */
export const latin1 = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

/** Sends a file: multipart/form-data by default, as the app's file picker does; or a text/csv body. */
export function sendFile(
  who: Client,
  workspaceId: string,
  content: string | Uint8Array,
  options: { fileName?: string; as?: "multipart" | "csv"; headers?: Record<string, string> } = {},
) {
  const fileName = options.fileName ?? "contacts.csv";
  if (options.as === "csv") {
    return who.fetch(`${importsPath(workspaceId)}?file_name=${encodeURIComponent(fileName)}`, {
      method: "POST",
      headers: { "Content-Type": "text/csv; charset=utf-8", ...options.headers },
      body: content,
    });
  }
  const form = new FormData();
  form.set("file", new File([content], fileName, { type: "text/csv" }));
  return who.fetch(importsPath(workspaceId), { method: "POST", body: form, headers: options.headers });
}

export async function upload(
  who: Client,
  workspaceId: string,
  content: string | Uint8Array,
  options: { fileName?: string; as?: "multipart" | "csv" } = {},
) {
  const res = await sendFile(who, workspaceId, content, options);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as UploadJson;
}

export async function preview(
  who: Client,
  workspaceId: string,
  jobId: string,
  body: { mapping: Record<string, string>; duplicate_strategy?: string },
) {
  const res = await who.fetch(importsPath(workspaceId, `/${jobId}/preview`), { method: "POST", json: body });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as PreviewJson;
}

export async function runOnce(who: Client, workspaceId: string, jobId: string) {
  const res = await who.fetch(importsPath(workspaceId, `/${jobId}/run`), { method: "POST" });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as ImportJobJson;
}

/** Calls `run` until the job is no longer running, as the app does. */
export async function runToEnd(who: Client, workspaceId: string, jobId: string) {
  let job = await runOnce(who, workspaceId, jobId);
  while (job.status === "running") job = await runOnce(who, workspaceId, jobId);
  return job;
}

/** Upload, map with the suggestion (or the given mapping), preview and run. */
export async function importFile(
  who: Client,
  workspaceId: string,
  content: string,
  options: { mapping?: Record<string, string>; duplicate_strategy?: string; fileName?: string } = {},
) {
  const uploaded = await upload(who, workspaceId, content, { fileName: options.fileName ?? "contacts.csv" });
  const previewed = await preview(who, workspaceId, uploaded.job.id, {
    mapping: options.mapping ?? uploaded.suggested_mapping,
    ...(options.duplicate_strategy && { duplicate_strategy: options.duplicate_strategy }),
  });
  const job = await runToEnd(who, workspaceId, uploaded.job.id);
  return { uploaded, previewed, job };
}

/** A workspace's contacts straight from D1, oldest first. */
export async function contactsOf(workspaceId: string) {
  const db = database();
  const { crmContacts } = db.t;
  return db.q.select().from(crmContacts).where(eq(crmContacts.workspace_id, workspaceId)).orderBy(asc(crmContacts.id));
}

/** One contact's tag rows and search terms, straight from D1. */
export async function indexOf(contactId: string) {
  const db = database();
  const { crmContactTags, crmContactTerms } = db.t;
  const tags = await db.q.select().from(crmContactTags).where(eq(crmContactTags.contact_id, contactId));
  const terms = await db.q.select().from(crmContactTerms).where(eq(crmContactTerms.contact_id, contactId));
  return { tags: tags.map((t) => t.tag).sort(), terms: terms.map((t) => t.term).sort() };
}

/** Staged rows of a job, in file order. */
export async function rowsOf(jobId: string) {
  const db = database();
  const { crmImportRows } = db.t;
  return db.q
    .select()
    .from(crmImportRows)
    .where(and(eq(crmImportRows.job_id, jobId)))
    .orderBy(asc(crmImportRows.row_number));
}

export async function createContact(who: Client, workspaceId: string, contact: Record<string, unknown>) {
  const res = await who.fetch(`/api/v1/workspaces/${workspaceId}/contacts`, { method: "POST", json: contact });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; email: string | null; tags: string[] };
}
