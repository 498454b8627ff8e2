import { EmptyState } from "../../ui/empty-state";

/** The CRM module; until it ships the page says what it will hold. */
export function CrmPage() {
  return (
    <EmptyState
      icon="crm"
      title="Contacts will appear here"
      hint="People who sign up on your bio page, buy from your store or join a course are added automatically."
    />
  );
}
