import { type AppModule, appModules, workspacePages } from "./app-modules";

export type PageSection = Pick<AppModule, "label" | "summary" | "wide">;

const account: PageSection = { label: "Your account", summary: "Your profile, sessions and API tokens." };
const newWorkspace: PageSection = {
  label: "Create a workspace",
  summary: "A workspace holds your pages, posts, contacts, courses and store, shared with your team.",
};
const developer: PageSection = { label: "Developer preview", summary: "Building blocks tried out on their own." };
export const notFound: PageSection = {
  label: "Page not found",
  summary: "This address does not lead anywhere in your workspace.",
};

/**
 * What the header names for a path below /app: a module owns its sub-pages too
 * (/w/:id/crm/:contactId stays "CRM"), the dashboard only its own address.
 */
export function pageSection(path: string): PageSection {
  const inWorkspace = /^\/w\/[^/]+(\/.*)?$/.exec(path);
  if (inWorkspace) {
    const rest = (inWorkspace[1] ?? "").replace(/\/+$/, "");
    if (rest.startsWith("/dev/")) return developer;
    const pages = [...appModules, ...workspacePages];
    return (
      pages.find((p) => (p.path === "" ? rest === "" : rest === p.path || rest.startsWith(`${p.path}/`))) ?? notFound
    );
  }
  if (/^\/settings(\/|$)/.test(path)) return account;
  if (/^\/workspaces\/new\/?$/.test(path)) return newWorkspace;
  if (path === "/" || path === "") return { label: "Your workspace", summary: "Opening the workspace you used last…" };
  return notFound;
}
