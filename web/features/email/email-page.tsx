import { EmptyState } from "../../ui/empty-state";

/** The email campaigns module; until it opens the page says so, and never that the workspace has none. */
export function EmailPage() {
  return (
    <EmptyState
      icon="email"
      title="Email campaigns open here soon"
      hint="Newsletters and campaigns will be written and sent here, with their opens and clicks."
    />
  );
}
