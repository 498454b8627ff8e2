import { EmptyState } from "../../ui/empty-state";

/** The courses module; until it opens the page says so, and never that the workspace has none. */
export function CoursesPage() {
  return (
    <EmptyState
      icon="courses"
      title="Courses open here soon"
      hint="Courses, with their lessons and enrolled students, will be built here. Courses already in your workspace will be listed once it opens."
    />
  );
}
