import { A, useMatch, useResolvedPath } from "@solidjs/router";
import { createEffect, For, type ParentProps, Show } from "solid-js";
import { RequireUser } from "../features/auth/require-user";
import { session } from "../features/auth/session-store";
import { UserMenu } from "../features/auth/user-menu";
import { VerifyEmailBanner } from "../features/auth/verify-email-banner";
import { Icon } from "../ui/icon";
import { appModules } from "./app-modules";

const notFound = { label: "Page not found", summary: "This address does not lead anywhere in your workspace." };

/** The frame around every page: module navigation, a header naming where you are, the page itself. Signed in only. */
export function AppLayout(props: ParentProps) {
  return (
    <RequireUser>
      <Shell>{props.children}</Shell>
    </RequireUser>
  );
}

function Shell(props: ParentProps) {
  // useMatch compares against the full pathname, so each module path is resolved below the
  // router's base first. A module owns its sub-pages too (/crm/:id): its header stays up there.
  const matchers = appModules.map((module) => {
    const path = useResolvedPath(() => module.path);
    return { module, match: useMatch(() => (module.path === "/" ? (path() ?? "/") : `${path()}/*`)) };
  });
  const current = () => matchers.find((m) => m.match())?.module ?? notFound;

  createEffect(() => {
    document.title = `${current().label} · Mewayz`;
  });

  // On a narrow screen the modules scroll sideways; keep the current one in view after a deep link.
  let nav: HTMLElement | undefined;
  createEffect(() => {
    current();
    nav?.querySelector(".is-active")?.scrollIntoView({ block: "nearest", inline: "nearest" });
  });

  return (
    <div class="shell">
      <a class="skip-link" href="#content">
        Skip to content
      </a>
      <aside class="sidebar">
        <A href="/" class="brand" end>
          <span class="brand__mark" aria-hidden="true">
            M
          </span>
          <span class="brand__name">Mewayz</span>
        </A>
        <nav ref={nav} class="nav" aria-label="Modules" data-testid="app-nav">
          <ul class="nav__list">
            <For each={appModules}>
              {(module) => (
                <li>
                  <A
                    href={module.path}
                    end={module.path === "/"}
                    class="nav__link"
                    activeClass="is-active"
                    inactiveClass=""
                  >
                    <Icon name={module.icon} />
                    <span>{module.label}</span>
                  </A>
                </li>
              )}
            </For>
          </ul>
        </nav>
      </aside>
      <div class="main">
        <VerifyEmailBanner />
        <header class="header">
          <div class="header__text">
            <h1 class="header__title">{current().label}</h1>
            <p class="header__summary">{current().summary}</p>
          </div>
          <Show when={session.user}>{(user) => <UserMenu user={user()} />}</Show>
        </header>
        <main class="content" id="content" tabindex="-1">
          {props.children}
        </main>
      </div>
    </div>
  );
}
