// Live-feed changes made by the cron or the queue, where there is no request: the
// same room and read permissions as publishChanges, with the change's actor given.
import type { Env } from "../../lib/env";
import { type Change, READ_PERMISSION, roomOf } from "../../lib/realtime";

export async function publishFromJob(env: Env, workspaceId: string, changes: (Change & { actor_id: string | null })[]) {
  if (changes.length === 0) return;
  try {
    await roomOf(env, workspaceId).publish(
      changes.map((change) => ({
        ...change,
        read_permission: READ_PERMISSION[change.entity_type] ?? "workspace.read",
      })),
    );
  } catch (err) {
    console.error(
      JSON.stringify({ level: "error", msg: "publish failed", workspace_id: workspaceId, error: String(err) }),
    );
  }
}
