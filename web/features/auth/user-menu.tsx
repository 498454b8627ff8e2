import { A } from "@solidjs/router";
import { createSignal, createUniqueId, onCleanup, Show } from "solid-js";
import { createSubmission } from "../../lib/create-submission";
import { Avatar } from "../../ui/avatar";
import { Icon } from "../../ui/icon";
import { signOut, type User } from "./session-store";

/**
 * The signed-in person in the header, opening a menu of their account pages and
 * "Sign out". Keyboard: arrows move between items, Escape closes and returns focus.
 */
export function UserMenu(props: { user: User }) {
  const [open, setOpen] = createSignal(false);
  const menuId = createUniqueId();
  const leaving = createSubmission([]);
  let root: HTMLDivElement | undefined;
  let button: HTMLButtonElement | undefined;

  const items = () => Array.from(root?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  const focusItem = (index: number) => {
    const list = items();
    list[(index + list.length) % list.length]?.focus();
  };
  const show = (focusIndex = 0) => {
    setOpen(true);
    focusItem(focusIndex);
  };
  const hide = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button?.focus();
  };

  // A click anywhere else closes the menu, as people expect of a menu.
  const onOutside = (event: PointerEvent) => {
    if (open() && root && !root.contains(event.target as Node)) hide(false);
  };
  document.addEventListener("pointerdown", onOutside);
  onCleanup(() => document.removeEventListener("pointerdown", onOutside));

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      show(event.key === "ArrowDown" ? 0 : -1);
    }
  };
  const onMenuKey = (event: KeyboardEvent) => {
    const index = items().indexOf(document.activeElement as HTMLElement);
    if (event.key === "Escape") {
      event.preventDefault();
      hide(true);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      focusItem(index + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      focusItem(event.key === "Home" ? 0 : -1);
    } else if (event.key === "Tab") {
      hide(false);
    }
  };

  // RequireUser sees the user go and opens the sign-in page.
  const leave = () => void leaving.run(signOut);

  return (
    <div class="user-menu" ref={root}>
      <button
        ref={button}
        type="button"
        class="user-menu__button"
        aria-haspopup="menu"
        aria-expanded={open()}
        aria-controls={open() ? menuId : undefined}
        onClick={() => (open() ? hide(false) : show())}
        onKeyDown={onButtonKey}
        data-testid="user-menu"
      >
        <Avatar name={props.user.name} src={props.user.avatar} />
        <span class="user-menu__name">{props.user.name}</span>
        <Icon name="chevronDown" size={16} />
      </button>
      <Show when={open()}>
        <div class="user-menu__panel" role="menu" id={menuId} aria-label="Account" onKeyDown={onMenuKey}>
          <div class="user-menu__who">
            <strong>{props.user.name}</strong>
            <span>{props.user.email}</span>
          </div>
          <A role="menuitem" class="user-menu__item" href="/settings/profile" onClick={() => hide(false)}>
            <Icon name="user" size={16} />
            Profile
          </A>
          <A role="menuitem" class="user-menu__item" href="/settings/sessions" onClick={() => hide(false)}>
            <Icon name="monitor" size={16} />
            Sessions
          </A>
          <A role="menuitem" class="user-menu__item" href="/settings/tokens" onClick={() => hide(false)}>
            <Icon name="key" size={16} />
            API tokens
          </A>
          <hr class="user-menu__separator" />
          <button type="button" role="menuitem" class="user-menu__item" onClick={leave} disabled={leaving.pending()}>
            <Icon name="logout" size={16} />
            {leaving.pending() ? "Signing out…" : "Sign out"}
          </button>
          <Show when={leaving.formError()}>
            {(message) => (
              <p class="user-menu__error" role="alert">
                {message()}
              </p>
            )}
          </Show>
        </div>
      </Show>
    </div>
  );
}
