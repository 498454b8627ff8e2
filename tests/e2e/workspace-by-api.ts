import type { Browser, BrowserContext } from "playwright-core";

let visitors = 0;

/**
 * A browser context that comes from an address of its own. The API limits sign-ups per
 * client address (CF-Connecting-IP, which Cloudflare sets and wrangler dev leaves to the
 * client), so stories with several people do not use up the allowance of the other tests.
 */
export function newVisitor(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  visitors += 1;
  const ip = `198.51.100.${(process.pid + visitors) % 250}`;
  return browser.newContext({ viewport, extraHTTPHeaders: { "CF-Connecting-IP": ip } });
}

/**
 * One API call as the person signed in to `context`. A fresh connection each time: one kept
 * alive across seconds of clicking can be closed by the server just as it is reused.
 */
export async function call<T>(context: BrowserContext, method: "GET" | "POST" | "PATCH", url: string, data?: object) {
  const response = await context.request.fetch(url, {
    method,
    headers: { Connection: "close" },
    ...(data ? { data } : {}),
  });
  if (response.status() >= 300) {
    throw new Error(`${method} ${url} failed: ${response.status()} ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/** Confirms the signed-in person's email with the link the dev outbox kept for them. */
export async function confirmEmailByApi(appUrl: string, context: BrowserContext, email: string): Promise<void> {
  const outbox = await call<{ data: { text: string }[] }>(
    context,
    "GET",
    `${appUrl}/api/v1/dev/outbox?to=${encodeURIComponent(email.toLowerCase())}`,
  );
  const token = outbox.data
    .map((mail) => /\/app\/verify-email\?token=([\w-]+)/.exec(mail.text)?.[1])
    .find((found) => found !== undefined);
  if (!token) throw new Error(`no confirmation mail for ${email} in the dev outbox`);
  await call(context, "POST", `${appUrl}/api/v1/auth/email/verify`, { token });
}

/** Creates a workspace as the person signed in to `context`; answers its id. */
export async function createWorkspaceByApi(appUrl: string, context: BrowserContext, name: string) {
  return await call<{ id: string; name: string; slug: string }>(context, "POST", `${appUrl}/api/v1/workspaces`, {
    name,
  });
}

/**
 * Brings a second person into a workspace the way a team does it: the owner makes an
 * invite link for `role`, the other person (email confirmed) joins with it.
 */
export async function joinByInviteLink(
  appUrl: string,
  owner: BrowserContext,
  member: BrowserContext,
  workspaceId: string,
  role: "editor" | "contributor" | "viewer" = "editor",
): Promise<void> {
  const { url } = await call<{ url: string }>(owner, "POST", `${appUrl}/api/v1/workspaces/${workspaceId}/invite-link`, {
    role,
  });
  const token = new URL(url).pathname.split("/").pop();
  await call(member, "POST", `${appUrl}/api/v1/invite-links/${token}/join`);
}

/** Gives a member another role, as the person signed in to `admin` (an owner or admin). */
export async function setRoleByApi(
  appUrl: string,
  admin: BrowserContext,
  workspaceId: string,
  email: string,
  role: "admin" | "editor" | "contributor" | "viewer",
): Promise<void> {
  const members = await call<{ data: { id: string; user: { email: string } }[] }>(
    admin,
    "GET",
    `${appUrl}/api/v1/workspaces/${workspaceId}/members?limit=100`,
  );
  const member = members.data.find((m) => m.user.email.toLowerCase() === email.toLowerCase());
  if (!member) throw new Error(`${email} is not a member of ${workspaceId}`);
  await call(admin, "PATCH", `${appUrl}/api/v1/workspaces/${workspaceId}/members/${member.id}`, { role });
}
