/** What the cron puts on the publishing queue: only the post's id; the row holds the rest. */
export type PublishMessage = { post_id: string };
