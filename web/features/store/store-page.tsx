import { EmptyState } from "../../ui/empty-state";

/** The store module; until it opens the page says so, and never that the workspace has none. */
export function StorePage() {
  return (
    <EmptyState
      icon="store"
      title="The store opens here soon"
      hint="Products, orders and payouts will be managed here. Products already in your workspace will be listed once it opens."
    />
  );
}
