import { EmptyState } from "../../ui/empty-state";

/** Any /app/* path no route claims: the worker serves the shell, so the SPA says it has no such page. */
export function NotFoundPage() {
  return (
    <div data-testid="not-found">
      <EmptyState
        icon="compass"
        title="We couldn't find that page"
        hint="The link may be old or mistyped. Everything in your workspace is reachable from the sidebar."
        action={{ label: "Go to the dashboard", href: "/" }}
      />
    </div>
  );
}
