import { A, useLocation } from "@solidjs/router";
import { createEffect, createMemo, For, on, onCleanup, type ParentProps, Show, untrack } from "solid-js";
import { Dynamic } from "solid-js/web";
import { RequireUser } from "../features/auth/require-user";
import { refresh, session } from "../features/auth/session-store";
import { UserMenu } from "../features/auth/user-menu";
import { VerifyEmailBanner } from "../features/auth/verify-email-banner";
import { workspacePath } from "../features/workspaces/workspace-path";
import { WorkspaceSwitcher } from "../features/workspaces/workspace-switcher";
import {
  can,
  homeWorkspace,
  listed,
  loadWorkspaces,
  lostWorkspace,
  reloadCurrent,
  workspaces,
} from "../features/workspaces/workspaces-store";
import { flash } from "../lib/flash";
import { live } from "../lib/live/live";
import { FlashNotice } from "../ui/flash-notice";
import { Icon } from "../ui/icon";
import { PresenceAvatars } from "../ui/presence-avatars";
import { type AppModule, appModules, workspacePages } from "./app-modules";
import { LiveStatus } from "./live-status";
import { pageSection } from "./page-section";

/** The frame around every page: workspace and module navigation, a header naming where you are, the page itself. Signed in only. */
export function AppLayout(props: ParentProps) {
  return (
    <RequireUser>
      <Shell>{props.children}</Shell>
    </RequireUser>
  );
}

function Shell(props: ParentProps) {
  const location = useLocation();
  void loadWorkspaces();

  // The sidebar belongs to the workspace open now; on account pages, to the one open last.
  const sidebarWorkspace = createMemo(() => {
    const current = workspaces.current;
    if (current.id && current.status !== "gone" && current.status !== "error") return current.id;
    return homeWorkspace()?.id ?? null;
  });

  // The router's path below /app, without the base: what the header and the title go by.
  const section = createMemo(() => pageSection(location.pathname.replace(/^\/app(?=\/|$)/, "") || "/"));
  createEffect(() => {
    document.title = `${section().label} · Mewayz`;
  });

  // One live connection, to the workspace the sidebar shows, once my access to it is confirmed.
  const liveWorkspace = createMemo(() =>
    workspaces.current.status === "ready" && workspaces.current.id === sidebarWorkspace()
      ? workspaces.current.id
      : null,
  );
  createEffect(() => live.setSelf(session.user?.id ?? null));
  createEffect(() => {
    const id = liveWorkspace();
    if (!id) return;
    // Read when it happens, not here: a rename must not reopen the connection.
    const name = () => listed(id)?.name ?? "this workspace";
    onCleanup(
      untrack(() =>
        live.open(id, {
          // The same path as a 401 from any call: the session store forgets the user and sign-in opens.
          onSessionEnded: () => void refresh(),
          // The room says why ("This workspace was deleted."); the name says which one.
          onAccessRevoked: (reason) =>
            lostWorkspace(id, reason ? `${name()}: ${reason}` : `You no longer have access to ${name()}.`),
          // A refused upgrade says nothing in a browser; the API says whether the workspace is still mine.
          onUnreachable: () => void reloadCurrent(),
        }),
      ),
    );
  });

  // On a narrow screen the modules scroll sideways; keep the current one in view after a deep link.
  let nav: HTMLElement | undefined;
  createEffect(() => {
    section();
    // The nav itself appears (and loses the pages my role cannot read) once the workspace is known.
    sidebarWorkspace();
    void workspaces.current.workspace?.my_permissions.length;
    const frame = requestAnimationFrame(() =>
      nav?.querySelector(".is-active")?.scrollIntoView({ block: "nearest", inline: "nearest" }),
    );
    onCleanup(() => cancelAnimationFrame(frame));
  });

  // A flash is for the page it led to: redirects on the way keep it, the person's next move does not.
  createEffect(
    on(
      () => location.pathname,
      () => {
        const message = flash.current();
        if (message && Date.now() - message.at > FLASH_SURVIVES_MS) flash.dismiss();
      },
      { defer: true },
    ),
  );

  /** What the sidebar leaves out: pages my role cannot read, once my permissions there are known. */
  const shown = (id: string, modules: readonly AppModule[]) =>
    modules.filter((m) => !m.permission || workspaces.current.workspace?.id !== id || can(m.permission));

  const navLink = (id: string, module: AppModule) => (
    <li>
      <A
        href={workspacePath(id, module.path)}
        end={module.path === ""}
        class="nav__link"
        activeClass="is-active"
        inactiveClass=""
      >
        <Icon name={module.icon} />
        <span>{module.label}</span>
        <Show when={module.badge}>{(badge) => <Dynamic component={badge()} workspaceId={id} />}</Show>
      </A>
    </li>
  );

  return (
    <div class="shell">
      <a class="skip-link" href="#content">
        Skip to content
      </a>
      <aside class="sidebar">
        <WorkspaceSwitcher workspaceId={sidebarWorkspace()} />
        <Show
          when={sidebarWorkspace()}
          fallback={
            <Show when={workspaces.list.status === "ready"}>
              <p class="sidebar__hint">Create a workspace to start.</p>
            </Show>
          }
        >
          {(id) => (
            <nav ref={nav} class="nav" aria-label="Modules" data-testid="app-nav">
              <ul class="nav__list">
                <For each={shown(id(), appModules)}>{(module) => navLink(id(), module)}</For>
              </ul>
              <ul class="nav__list nav__list--secondary">
                <For each={shown(id(), workspacePages)}>{(module) => navLink(id(), module)}</For>
              </ul>
            </nav>
          )}
        </Show>
      </aside>
      <div class="main">
        <VerifyEmailBanner />
        <header class="header">
          <div class="header__text">
            <h1 class="header__title">{section().label}</h1>
            <p class="header__summary">{section().summary}</p>
          </div>
          <div class="header__aside">
            <LiveStatus />
            <PresenceAvatars people={live.others()} />
            <Show when={session.user}>{(user) => <UserMenu user={user()} />}</Show>
          </div>
        </header>
        <main class="content" classList={{ "content--wide": section().wide === true }} id="content" tabindex="-1">
          <FlashNotice />
          {props.children}
        </main>
      </div>
    </div>
  );
}

/** How long a flash outlives navigations: long enough for the redirects that follow what caused it. */
const FLASH_SURVIVES_MS = 2_000;
