import { EmptyState } from "../../ui/empty-state";

/** The social scheduling module; until it ships the page says what it will hold. */
export function SocialPage() {
  return (
    <EmptyState
      icon="social"
      title="No posts scheduled"
      hint="Posts you plan for your connected accounts will appear here, on the day and hour they go out."
    />
  );
}
