/** Shown while a page waits for the API; announced politely so screen readers are not interrupted. */
export function Loading(props: { label?: string }) {
  return (
    <div class="state state--loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <span>{props.label ?? "Loading…"}</span>
    </div>
  );
}
