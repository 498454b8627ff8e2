import { EmptyState } from "../../ui/empty-state";

/** The courses module; until it ships the page says what it will hold. */
export function CoursesPage() {
  return (
    <EmptyState
      icon="courses"
      title="No courses yet"
      hint="Courses you create will appear here, with their lessons and the students enrolled in them."
    />
  );
}
