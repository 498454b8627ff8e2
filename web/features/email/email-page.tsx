import { EmptyState } from "../../ui/empty-state";

/** The email campaigns module; until it ships the page says what it will hold. */
export function EmailPage() {
  return (
    <EmptyState
      icon="email"
      title="No campaigns yet"
      hint="Newsletters and campaigns you write will appear here, with opens and clicks once they are sent."
    />
  );
}
