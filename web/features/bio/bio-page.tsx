import { EmptyState } from "../../ui/empty-state";

/** The link-in-bio module; until it ships the page says what it will hold. */
export function BioPage() {
  return (
    <EmptyState
      icon="bio"
      title="Your bio page is waiting for its first link"
      hint="Links, products and sign-up forms you add will appear here, ready to share from one address."
    />
  );
}
