import { createEffect } from "solid-js";

/** Names the browser tab after the page, the way the app layout names it after the module. */
export function useDocumentTitle(title: () => string): void {
  createEffect(() => {
    document.title = `${title()} · Mewayz`;
  });
}
