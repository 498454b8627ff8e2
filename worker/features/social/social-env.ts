// The worker's bindings and settings for social scheduling. Every platform's base
// URL can be overridden (tests and staging point them at local fakes); a platform
// without a client id and secret is not configured, and then only its sandbox is offered.
import type { PublishMessage } from "./publish-message";

export type SocialEnv = {
  /** Posts claimed by the cron, one message each; the queue() handler publishes them. */
  SOCIAL_PUBLISH_QUEUE?: Queue<PublishMessage>;
  /** Post media (images, videos), served publicly under /media/social/… for the networks that pull it. */
  SOCIAL_MEDIA?: R2Bucket;
  /** Token encryption keys, `kid:secret` comma-separated, newest first (older ones only decrypt). */
  SOCIAL_TOKEN_KEYS?: string;
  /** Per-request timeout of calls to the platforms, in milliseconds (default 15,000). */
  SOCIAL_HTTP_TIMEOUT_MS?: string;
  /** Minutes between metrics refreshes (default 30). */
  SOCIAL_METRICS_EVERY_MINUTES?: string;
  SOCIAL_X_CLIENT_ID?: string;
  SOCIAL_X_CLIENT_SECRET?: string;
  SOCIAL_X_API_URL?: string;
  SOCIAL_X_AUTH_URL?: string;
  SOCIAL_LINKEDIN_CLIENT_ID?: string;
  SOCIAL_LINKEDIN_CLIENT_SECRET?: string;
  SOCIAL_LINKEDIN_API_URL?: string;
  SOCIAL_LINKEDIN_OAUTH_URL?: string;
  SOCIAL_META_APP_ID?: string;
  SOCIAL_META_APP_SECRET?: string;
  SOCIAL_META_GRAPH_URL?: string;
  SOCIAL_META_DIALOG_URL?: string;
  SOCIAL_TIKTOK_CLIENT_KEY?: string;
  SOCIAL_TIKTOK_CLIENT_SECRET?: string;
  SOCIAL_TIKTOK_API_URL?: string;
  SOCIAL_TIKTOK_AUTH_URL?: string;
  SOCIAL_YOUTUBE_API_URL?: string;
  SOCIAL_YOUTUBE_UPLOAD_URL?: string;
};
