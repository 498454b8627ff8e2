import { fileURLToPath } from "node:url";

/** The repository root, so the commands work from any directory and wrangler always finds wrangler.toml. */
export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
