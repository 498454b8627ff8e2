// What the social stories in the browser share: API calls as a signed-in person, a
// person with a workspace and a sandbox account, and the page errors to assert none of.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { inject } from "vitest";
import { signUpByApi } from "./sign-up-by-api";
import { call, createWorkspaceByApi, newVisitor } from "./workspace-by-api";

const appUrl = inject("appUrl");

/** A call to /api/v1{path} as the person signed in to `context`. */
export const api = <T>(context: BrowserContext, method: "GET" | "POST" | "PATCH", path: string, data?: object) =>
  call<T>(context, method, `${appUrl}/api/v1${path}`, data);

/** A signed-in person with a workspace and a sandbox account in it. */
export async function studio(browser: Browser, name: string) {
  const context = await newVisitor(browser);
  const person = await signUpByApi(appUrl, { context, name });
  const workspace = await createWorkspaceByApi(appUrl, context, `${name} ${Date.now().toString(36)}`);
  const account = await api<{ id: string; username: string }>(
    context,
    "POST",
    `/workspaces/${workspace.id}/social-accounts/sandbox`,
    { platform: "linkedin" },
  );
  return { context, person, workspace, account };
}

/** The page's uncaught errors, gathered as they happen. */
export function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}
