import { ApiError } from "../../lib/api-error";
import { notifyUnauthorized } from "../../lib/call-api";
import { requestApi } from "../../lib/request-api";
import type { ImportJob, ImportPreview, Page, ReportRow, UploadedImport } from "./contact-types";
import { importsPath } from "./contacts-path";
import type { DuplicateStrategy, MappingTarget } from "./import-fields";

/** The file goes up as a form upload (requestApi speaks JSON only); failures read like every other call's. */
export async function uploadImport(workspaceId: string, file: File): Promise<UploadedImport> {
  const body = new FormData();
  body.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch(`/api${importsPath(workspaceId)}`, {
      method: "POST",
      body,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
  } catch (error) {
    throw ApiError.from(error);
  }
  if (!response.ok) {
    const error = await ApiError.fromResponse(response);
    if (error.status === 401) notifyUnauthorized(error);
    throw error;
  }
  return (await response.json()) as UploadedImport;
}

export const getImport = async (workspaceId: string, jobId: string) =>
  (await requestApi<ImportJob>("GET", importsPath(workspaceId, `/${encodeURIComponent(jobId)}`))).body;

export const listImports = async (workspaceId: string) =>
  (await requestApi<Page<ImportJob>>("GET", importsPath(workspaceId), { query: { limit: "20" } })).body;

export const previewImport = async (
  workspaceId: string,
  jobId: string,
  mapping: Record<string, MappingTarget>,
  strategy: DuplicateStrategy,
) =>
  (
    await requestApi<ImportPreview>("POST", importsPath(workspaceId, `/${encodeURIComponent(jobId)}/preview`), {
      json: { mapping, duplicate_strategy: strategy },
    })
  ).body;

export const runImport = async (workspaceId: string, jobId: string) =>
  (await requestApi<ImportJob>("POST", importsPath(workspaceId, `/${encodeURIComponent(jobId)}/run`))).body;

export const cancelImport = async (workspaceId: string, jobId: string) => {
  await requestApi<null>("DELETE", importsPath(workspaceId, `/${encodeURIComponent(jobId)}`));
};

export const reportRows = async (workspaceId: string, jobId: string, cursor: string | null) =>
  (
    await requestApi<Page<ReportRow>>("GET", importsPath(workspaceId, `/${encodeURIComponent(jobId)}/report`), {
      query: { limit: "100", cursor: cursor ?? undefined },
    })
  ).body;

/** The report as a CSV download: a plain link, the session cookie goes with it. */
export const reportCsvUrl = (workspaceId: string, jobId: string) =>
  `/api${importsPath(workspaceId, `/${encodeURIComponent(jobId)}/report.csv`)}`;
