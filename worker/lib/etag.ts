// Lost-update protection for plain fields: GET hands out an ETag of the row as the
// API shows it; a PATCH carrying If-Match with an older one is refused with 412 and
// the current row, so the person can keep theirs or take the other.
import type { Context } from "hono";
import { sha256Hex } from "./crypto";
import type { AppEnv } from "./env";
import { AppError } from "./errors";

export async function etagOf(json: unknown): Promise<string> {
  return `"${(await sha256Hex(JSON.stringify(json))).slice(0, 32)}"`;
}

/** Throws 412 with the current representation when If-Match names another version. */
export async function assertIfMatch(c: Context<AppEnv>, current: unknown): Promise<void> {
  const wanted = c.req.header("If-Match");
  if (!wanted || wanted.trim() === "*") return;
  const etag = await etagOf(current);
  const accepted = wanted.split(",").map((t) => t.trim().replace(/^W\//, ""));
  if (!accepted.includes(etag)) {
    throw new AppError(
      "precondition_failed",
      "Someone changed this since you opened it. Review their version, then keep yours or take theirs.",
      { current, etag },
      { ETag: etag },
    );
  }
}
