// The publishing queue's consumer: each message names a post the cron claimed. A
// message is acknowledged whatever became of the post (the row holds its state and
// later ticks resume it); it is retried only when the database itself failed.

import { databaseFor } from "../../lib/db";
import type { Env } from "../../lib/env";
import type { PublishMessage } from "./publish-message";
import { publishPost } from "./publish-post";

export async function handlePublishBatch(batch: MessageBatch<PublishMessage>, env: Env) {
  const db = databaseFor(env);
  for (const message of batch.messages) {
    try {
      await publishPost(env, db, message.body.post_id);
      message.ack();
    } catch (err) {
      console.error(
        JSON.stringify({ level: "error", msg: "publish failed", post_id: message.body.post_id, error: String(err) }),
      );
      message.retry({ delaySeconds: 30 });
    }
  }
}
