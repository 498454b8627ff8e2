import { useNavigate } from "@solidjs/router";
import { createEffect, type ParentProps, Show } from "solid-js";
import { useSearchParam } from "../../lib/search-param";
import { Loading } from "../../ui/loading";
import { safeRedirect } from "./safe-redirect";
import { session } from "./session-store";

/**
 * For the sign-in and sign-up pages: someone already signed in (or who just did) goes
 * on to where they were headed, so a successful form needs no navigation of its own.
 */
export function GuestOnly(props: ParentProps) {
  const navigate = useNavigate();
  const redirect = useSearchParam("redirect");

  createEffect(() => {
    if (session.user) navigate(safeRedirect(redirect()), { replace: true });
  });

  return (
    <Show when={session.status !== "loading" && !session.user} fallback={<Loading />}>
      {props.children}
    </Show>
  );
}
