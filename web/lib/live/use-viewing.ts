import { createEffect, onCleanup } from "solid-js";
import { type LiveEntity, live } from "./live";

/**
 * Reports what a page shows for as long as it is on screen, so the others see who is
 * here (and, with `live.setEditing`, which field they are in). `entity` may change or be
 * null while the page loads.
 */
export function useViewing(entity: () => LiveEntity | null): void {
  createEffect(() => {
    const shown = entity();
    if (!shown) return;
    onCleanup(live.setViewing({ entity_type: shown.entity_type, entity_id: shown.entity_id }));
  });
}
