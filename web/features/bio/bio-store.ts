import { onCleanup } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import type { z } from "zod";
import type { Analytics } from "../../../worker/features/bio/analytics-schema";
import type { PageSchema, SanitizeCssResult } from "../../../worker/features/bio/schema";
import { ApiError } from "../../lib/api-error";
import { live } from "../../lib/live/live";
import { requestApi } from "../../lib/request-api";

export type BioPageJson = z.infer<typeof PageSchema>;
export type SanitizedCss = z.infer<typeof SanitizeCssResult>;
export type { Analytics };

export const pagesPath = (workspaceId: string, tail = "") =>
  `/v1/workspaces/${encodeURIComponent(workspaceId)}/bio-pages${tail}`;

type PagesState = { status: "loading" | "ready" | "error"; items: BioPageJson[]; error: ApiError | null };

/**
 * A workspace's bio pages for the builder: loaded once, then kept current by the live
 * feed (a teammate's save, a publish, a delete) and by this tab's own saves.
 */
export function createBioStore(workspaceId: () => string) {
  const [state, setState] = createStore<PagesState>({ status: "loading", items: [], error: null });

  const load = async () => {
    try {
      const { body } = await requestApi<{ data: BioPageJson[] }>("GET", pagesPath(workspaceId()));
      setState("items", reconcile(body.data, { key: "id" }));
      setState({ status: "ready", error: null });
    } catch (failure) {
      setState({ status: "error", error: ApiError.from(failure) });
    }
  };

  const put = (page: BioPageJson) => {
    if (state.items.some((p) => p.id === page.id)) setState("items", (p) => p.id === page.id, reconcile(page));
    else setState("items", (items) => [...items, page]);
  };

  onCleanup(
    live.on("link_in_bio_page", (change) => {
      if (change.op === "delete") setState("items", (items) => items.filter((p) => p.id !== change.entity_id));
      else if (change.data) put(change.data as BioPageJson);
    }),
  );
  onCleanup(live.onResync(() => void load()));

  const create = async (fields: { title: string; slug: string }) => {
    const { body } = await requestApi<BioPageJson>("POST", pagesPath(workspaceId()), { json: fields });
    put(body);
    return body;
  };

  /** Saves changes; `etag` guards against overwriting a teammate's newer save (412). */
  const update = async (pageId: string, changes: Record<string, unknown>, etag?: string) => {
    const { body, response } = await requestApi<BioPageJson>("PATCH", pagesPath(workspaceId(), `/${pageId}`), {
      json: changes,
      headers: etag ? { "If-Match": etag } : {},
    });
    put(body);
    return { page: body, etag: response.headers.get("ETag") ?? undefined };
  };

  const remove = async (pageId: string) => {
    await requestApi<null>("DELETE", pagesPath(workspaceId(), `/${pageId}`));
    setState("items", (items) => items.filter((p) => p.id !== pageId));
  };

  const upload = async (pageId: string, field: "profile_picture" | "background_image", file: Blob) => {
    const url = new URL(`/api${pagesPath(workspaceId(), `/${pageId}/media`)}`, window.location.origin);
    url.searchParams.set("field", field);
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": file.type || "application/octet-stream", Accept: "application/json" },
      body: file,
    });
    if (!response.ok) throw await ApiError.fromResponse(response);
    const page = (await response.json()) as BioPageJson;
    put(page);
    return page;
  };

  const sanitize = async (pageId: string, css: string) =>
    (
      await requestApi<SanitizedCss>("POST", pagesPath(workspaceId(), "/sanitize-css"), {
        json: { custom_css: css, page_id: pageId },
      })
    ).body;

  /** Daily figures for from..to (YYYY-MM-DD, UTC, at most 90 days); the last 30 days without a range. */
  const analytics = async (pageId: string, range: { from?: string; to?: string } = {}) =>
    (
      await requestApi<Analytics>("GET", pagesPath(workspaceId(), `/${pageId}/analytics`), {
        query: { from: range.from, to: range.to },
      })
    ).body;

  /** Asks the API to check the domain's TXT record now; a 409 says what is missing. */
  const verifyDomain = async (pageId: string) => {
    const { body, response } = await requestApi<BioPageJson>(
      "POST",
      pagesPath(workspaceId(), `/${pageId}/custom-domain/verify`),
    );
    put(body);
    return { page: body, etag: response.headers.get("ETag") ?? undefined };
  };

  const etagOf = async (pageId: string) =>
    (await requestApi<BioPageJson>("GET", pagesPath(workspaceId(), `/${pageId}`))).response.headers.get("ETag") ??
    undefined;

  void load();
  return { state, load, create, update, remove, upload, sanitize, analytics, verifyDomain, etagOf };
}

export type BioStore = ReturnType<typeof createBioStore>;
