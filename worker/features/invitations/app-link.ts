import type { Context } from "hono";
import type { AppEnv } from "../../lib/env";

/** An absolute link to a page of the web app, on the host the request came to. */
export const appLink = (c: Context<AppEnv>, path: string) => new URL(path, c.req.url).toString();
