import type { BrowserContext } from "playwright-core";

export const PASSWORD = "violet-otter-harbour-42";

let counter = 0;
export const uniqueEmail = (prefix = "e2e") => `${prefix}-${Date.now().toString(36)}-${++counter}@example.com`;

/**
 * Signs a person up through the API. Given a browser context, the session cookie lands in
 * that context, so its pages open signed in; without one, the account just exists.
 */
export async function signUpByApi(
  appUrl: string,
  options: { context?: BrowserContext; name?: string; email?: string } = {},
): Promise<{ email: string; name: string }> {
  const email = options.email ?? uniqueEmail();
  const name = options.name ?? "Ada Lovelace";
  const body = { name, email, password: PASSWORD };
  if (options.context) {
    const response = await options.context.request.post(`${appUrl}/api/v1/auth/signup`, { data: body });
    if (response.status() !== 201) throw new Error(`sign-up failed: ${response.status()} ${await response.text()}`);
  } else {
    const response = await fetch(`${appUrl}/api/v1/auth/signup`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  }
  return { email, name };
}
