import { onCleanup } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import type { z } from "zod";
import type { MemberSchema } from "../../../worker/features/members/schema";
import { ApiError } from "../../lib/api-error";
import { live } from "../../lib/live/live";
import { requestApi } from "../../lib/request-api";
import type { Role } from "./role-labels";

export type Member = z.infer<typeof MemberSchema>;
type Page<T> = { data: T[]; next_cursor: string | null };

const membersPath = (workspaceId: string, memberId?: string) =>
  `/v1/workspaces/${encodeURIComponent(workspaceId)}/members${memberId ? `/${encodeURIComponent(memberId)}` : ""}`;

type MembersState = { status: "loading" | "ready" | "error"; items: Member[]; error: ApiError | null };

/**
 * A workspace's members for the members page (and the owner's transfer list). A role
 * change or a removal shows at once and is undone if the API refuses, the error rethrown
 * to be shown. Changes others make arrive through the live feed.
 */
export function createMembersStore(workspaceId: () => string) {
  const [state, setState] = createStore<MembersState>({ status: "loading", items: [], error: null });

  const load = async () => {
    if (state.status === "error") setState({ status: "loading", error: null });
    const id = workspaceId();
    try {
      const items: Member[] = [];
      let cursor: string | undefined;
      do {
        const { body: page } = await requestApi<Page<Member>>("GET", membersPath(id), {
          query: { limit: "100", cursor },
        });
        items.push(...page.data);
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      if (id !== workspaceId()) return;
      setState("items", reconcile(items, { key: "id" }));
      setState({ status: "ready", error: null });
    } catch (failure) {
      setState({ status: "error", error: ApiError.from(failure) });
    }
  };

  const replace = (member: Member) => setState("items", (m) => m.id === member.id, reconcile(member));

  /** Changes a role or suspends/reinstates, shown at once and put back if the server refuses. */
  const update = async (memberId: string, changes: { role?: Role; status?: "active" | "suspended" }) => {
    const before = state.items.find((m) => m.id === memberId);
    if (!before) return;
    const previous = { role: before.role, status: before.status };
    setState("items", (m) => m.id === memberId, changes);
    try {
      const { body } = await requestApi<Member>("PATCH", membersPath(workspaceId(), memberId), { json: changes });
      replace(body);
    } catch (failure) {
      setState("items", (m) => m.id === memberId, previous);
      throw failure;
    }
  };

  const remove = async (memberId: string) => {
    const before = state.items;
    setState("items", (items) => items.filter((m) => m.id !== memberId));
    try {
      await requestApi<null>("DELETE", membersPath(workspaceId(), memberId));
    } catch (failure) {
      // Already removed by someone else: gone either way.
      if (ApiError.from(failure).status === 404) return;
      setState("items", (items) => before.filter((m) => m.id === memberId || items.some((i) => i.id === m.id)));
      throw failure;
    }
  };

  // Member events carry what changed, not the person's name and email: fetch the list again.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reloadSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void load(), 200);
  };
  const offChange = live.on("workspace_member", (change, id) => {
    if (id !== workspaceId()) return;
    if (change.op === "delete") setState("items", (items) => items.filter((m) => m.id !== change.entity_id));
    else reloadSoon();
  });
  const offResync = live.onResync((id) => {
    if (id === workspaceId()) reloadSoon();
  });
  onCleanup(() => {
    clearTimeout(timer);
    offChange();
    offResync();
  });

  return { state, load, update, remove };
}
