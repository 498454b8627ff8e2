import type { Database } from "../../db/database";
import type { BioCounter } from "../../durable-objects/bio-counter";
import type { RateLimiter } from "../../durable-objects/rate-limiter";
import type { WorkspaceRoom } from "../../durable-objects/workspace-room";
import type { MembershipProbe } from "../features/auth/session-adapter";
import type { ImportMessage } from "../features/crm/import-watch";
import type { SocialEnv } from "../features/social/social-env";
import type { Identity } from "./auth";
import type { WorkspaceAccess } from "./workspace-access";

/** Bindings, variables and secrets of the worker (wrangler.toml, .dev.vars). */
export type Env = {
  DB: D1Database;
  ASSETS: Fetcher;
  RATE_LIMITER: DurableObjectNamespace<RateLimiter>;
  WORKSPACE_ROOM: DurableObjectNamespace<WorkspaceRoom>;
  BIO_COUNTER: DurableObjectNamespace<BioCounter>;
  BIO_MEDIA: R2Bucket;
  /** Takes over CSV imports nobody drives any more (see import-watch). */
  CRM_IMPORT_QUEUE?: Queue<ImportMessage>;
  /** DNS-over-HTTPS resolver (JSON API) for custom-domain verification; Cloudflare's by default. */
  DNS_RESOLVER_URL?: string;
  /** The platform's own hostnames, comma-separated: never looked up as bio custom domains. */
  APP_HOSTS?: string;
  APP_ENV: string;
  /** PlanetScale connection URL; when set, data lives in MySQL instead of D1. */
  DATABASE_URL?: string;
  /** HTTP email API (POST {MAIL_API_URL}/emails); without it mail goes to the dev outbox. */
  MAIL_API_URL?: string;
  MAIL_API_KEY?: string;
  MAIL_FROM?: string;
  GOOGLE_CLIENT_ID?: string;
  GOOGLE_CLIENT_SECRET?: string;
  /** Google's endpoints, overridable so tests can point them at a local fake. */
  GOOGLE_AUTH_URL?: string;
  GOOGLE_TOKEN_URL?: string;
  GOOGLE_JWKS_URL?: string;
} & SocialEnv;

export type AppEnv = {
  Bindings: Env;
  Variables: {
    db: Database;
    requestId: string;
    identity: Identity | null;
    /** The membership read with the session, for the workspace the path names (see identify). */
    membershipProbe?: MembershipProbe;
    workspace?: WorkspaceAccess;
  };
};
