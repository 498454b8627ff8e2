import { EmptyState } from "../../ui/empty-state";

/** The store module; until it ships the page says what it will hold. */
export function StorePage() {
  return (
    <EmptyState
      icon="store"
      title="Your store has no products yet"
      hint="Products you sell will appear here, along with their orders and payouts."
    />
  );
}
