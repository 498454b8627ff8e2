import { A } from "@solidjs/router";
import type { ParentProps } from "solid-js";

/** The frame of the pages anyone may open (sign in, sign up, email links, the dev outbox): no sidebar, no account. */
export function PublicLayout(props: ParentProps) {
  return (
    <div class="public">
      <header class="public__bar">
        <A href="/" class="brand">
          <span class="brand__mark" aria-hidden="true">
            M
          </span>
          <span>Mewayz</span>
        </A>
      </header>
      <main class="public__main" id="content" tabindex="-1">
        {props.children}
      </main>
    </div>
  );
}
