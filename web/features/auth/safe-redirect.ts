/**
 * Where `?redirect=` may send someone after signing in: a path of this app ("/app/…"),
 * returned as the router's path below /app. Anything else (another site, "//evil.example",
 * the sign-in pages themselves) goes to the dashboard, so the parameter cannot be abused.
 */
export function safeRedirect(value: string | null | undefined): string {
  if (!value || !/^\/app(?=[/?#]|$)/.test(value) || value.includes("\\")) return "/";
  const inner = value.slice("/app".length);
  const path = inner.startsWith("/") ? inner : `/${inner}`;
  if (path.startsWith("//") || /^\/(login|signup)(?=[/?#]|$)/.test(path)) return "/";
  return path;
}

/** The sign-in page, asked to come back to `fullPath` (a path with the /app prefix) afterwards. */
export const loginPathFor = (fullPath: string) =>
  safeRedirect(fullPath) === "/" ? "/login" : `/login?redirect=${encodeURIComponent(fullPath)}`;
