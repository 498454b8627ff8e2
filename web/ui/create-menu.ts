import { createSignal, onCleanup } from "solid-js";

/**
 * The behaviour of a menu button (as the user menu has it): arrows move between the
 * items, Home/End jump, Escape closes and returns focus, Tab or a click elsewhere closes.
 * The caller draws the button and the panel, and hands over their elements.
 */
export function createMenu() {
  const [open, setOpen] = createSignal(false);
  let root: HTMLElement | undefined;
  let button: HTMLElement | undefined;

  const items = () => Array.from(root?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  const focusItem = (index: number) => {
    const list = items();
    list[(index + list.length) % list.length]?.focus();
  };
  const show = (focusIndex = 0) => {
    setOpen(true);
    focusItem(focusIndex);
  };
  const hide = (returnFocus = false) => {
    setOpen(false);
    if (returnFocus) button?.focus();
  };

  const onOutside = (event: PointerEvent) => {
    if (open() && root && !root.contains(event.target as Node)) hide();
  };
  document.addEventListener("pointerdown", onOutside);
  onCleanup(() => document.removeEventListener("pointerdown", onOutside));

  return {
    open,
    show,
    hide,
    rootRef: (el: HTMLElement) => {
      root = el;
    },
    buttonRef: (el: HTMLElement) => {
      button = el;
    },
    toggle: () => (open() ? hide() : show()),
    onButtonKey(event: KeyboardEvent) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        show(event.key === "ArrowDown" ? 0 : -1);
      }
    },
    onMenuKey(event: KeyboardEvent) {
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
        hide();
      }
    },
  };
}
