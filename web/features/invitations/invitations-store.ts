import { onCleanup } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import type { z } from "zod";
import type {
  CreateInvitationBody,
  CreateInviteLinkBody,
  InvitationSchema,
  InviteLinkSchema,
} from "../../../worker/features/invitations/schema";
import { ApiError } from "../../lib/api-error";
import { live } from "../../lib/live/live";
import { requestApi } from "../../lib/request-api";

export type Invitation = z.infer<typeof InvitationSchema>;
export type NewInvitation = z.input<typeof CreateInvitationBody>;
export type InviteLink = z.infer<typeof InviteLinkSchema>;
export type InviteLinkRole = z.input<typeof CreateInviteLinkBody>["role"];
type Page<T> = { data: T[]; next_cursor: string | null };

type InvitationsState = {
  status: "loading" | "ready" | "error";
  items: Invitation[];
  link: InviteLink | null;
  error: ApiError | null;
};

/**
 * Pending invitations and the invite link of a workspace, for people who may invite. A
 * revoked invitation leaves the list at once and comes back if the API refuses; a new one
 * or a new link appears once the API made it (only it knows the id, and the link's URL).
 */
export function createInvitationsStore(workspaceId: () => string) {
  const [state, setState] = createStore<InvitationsState>({ status: "loading", items: [], link: null, error: null });
  const path = (rest: string) => `/v1/workspaces/${encodeURIComponent(workspaceId())}${rest}`;
  const invitationPath = (id: string, rest = "") => path(`/invitations/${encodeURIComponent(id)}${rest}`);

  const load = async () => {
    if (state.status === "error") setState({ status: "loading", error: null });
    try {
      const items: Invitation[] = [];
      let cursor: string | undefined;
      do {
        const { body: page } = await requestApi<Page<Invitation>>("GET", path("/invitations"), {
          query: { limit: "100", cursor },
        });
        items.push(...page.data);
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      const { body } = await requestApi<{ invite_link: InviteLink | null }>("GET", path("/invite-link"));
      const invite_link = body.invite_link;
      setState("items", reconcile(items, { key: "id" }));
      setState({ status: "ready", link: invite_link, error: null });
    } catch (failure) {
      setState({ status: "error", error: ApiError.from(failure) });
    }
  };

  /** Sends an invitation (or refreshes the pending one for that address). */
  const invite = async (input: NewInvitation): Promise<Invitation> => {
    const { body: invitation } = await requestApi<Invitation>("POST", path("/invitations"), { json: input });
    setState("items", (items) => [invitation, ...items.filter((i) => i.id !== invitation.id)]);
    return invitation;
  };

  const resend = async (invitationId: string): Promise<Invitation> => {
    const { body: invitation } = await requestApi<Invitation>("POST", invitationPath(invitationId, "/resend"));
    setState("items", (i) => i.id === invitationId, reconcile(invitation));
    return invitation;
  };

  const revoke = async (invitationId: string) => {
    const before = state.items;
    setState("items", (items) => items.filter((i) => i.id !== invitationId));
    try {
      await requestApi<null>("DELETE", invitationPath(invitationId));
    } catch (failure) {
      if (ApiError.from(failure).status === 404) return;
      setState("items", (items) => before.filter((i) => i.id === invitationId || items.some((x) => x.id === i.id)));
      throw failure;
    }
  };

  /** A new invite link for `role` (the old one stops working); answers its URL, shown this once. */
  const createLink = async (role: InviteLinkRole): Promise<string> => {
    const { body: created } = await requestApi<{ invite_link: InviteLink; url: string }>("POST", path("/invite-link"), {
      json: { role },
    });
    setState("link", created.invite_link);
    return created.url;
  };

  const disableLink = async () => {
    const before = state.link;
    setState("link", null);
    try {
      await requestApi<null>("DELETE", path("/invite-link"));
    } catch (failure) {
      if (ApiError.from(failure).status === 404) return;
      setState("link", before);
      throw failure;
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const reloadSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void load(), 200);
  };
  // Someone accepting or declining, or another admin inviting, changes the pending list.
  const offs = [
    live.on("workspace_invitation", (_change, id) => id === workspaceId() && reloadSoon()),
    live.on("workspace_member", (_change, id) => id === workspaceId() && reloadSoon()),
    live.onResync((id) => id === workspaceId() && reloadSoon()),
  ];
  onCleanup(() => {
    clearTimeout(timer);
    for (const off of offs) off();
  });

  return { state, load, invite, resend, revoke, createLink, disableLink };
}
