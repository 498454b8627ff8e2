// The one description of every table: the 25 tables of the Mewayz platform with
// their seed names, types, enums, defaults, keys and indexes. Both dialects'
// Drizzle definitions are generated from this file (npm run db:generate).
import {
  bigintAutoIncrement,
  boolean,
  caseless,
  decimal,
  enumOf,
  int,
  intUnsigned,
  json,
  longtext,
  mediumtext,
  type TableSpec,
  table,
  text,
  timestamp,
  timestamps,
  tinyintUnsigned,
  uuid,
  varchar,
} from "./describe";

const activeStatus = ["active", "inactive", "suspended"] as const;

export const users = table(
  "users",
  {
    id: uuid().id(),
    name: varchar(255).notNull(),
    email: varchar(255).notNull().unique(),
    email_verified_at: timestamp(),
    password: varchar(255).notNull(),
    google_id: varchar(255),
    avatar: varchar(255),
    role: enumOf(["admin", "user"]).default("user"),
    status: enumOf(activeStatus).default("active"),
    preferences: json().type("JsonObject"),
    remember_token: varchar(100),
    ...timestamps(),
  },
  { indexes: { idx_email: ["email"], idx_google_id: ["google_id"], idx_status: ["status"] } },
);

export const workspaces = table(
  "workspaces",
  {
    id: uuid().id(),
    name: varchar(255).notNull(),
    slug: varchar(255).notNull().unique(),
    description: text(),
    logo: varchar(255),
    branding: json().type("JsonObject"),
    status: enumOf(activeStatus).default("active"),
    owner_id: uuid().notNull().references("users"),
    settings: json().type("JsonObject"),
    ...timestamps(),
  },
  { indexes: { idx_slug: ["slug"], idx_owner: ["owner_id"], idx_status: ["status"] } },
);

export const workspace_members = table(
  "workspace_members",
  {
    id: uuid().id(),
    workspace_id: uuid().notNull().references("workspaces"),
    user_id: uuid().notNull().references("users"),
    role: enumOf(["owner", "admin", "editor", "contributor", "viewer", "guest"]).default("viewer"),
    status: enumOf(activeStatus).default("active"),
    permissions: json().type("JsonObject"),
    invited_at: timestamp(),
    joined_at: timestamp(),
    ...timestamps(),
  },
  {
    uniques: { unique_workspace_user: ["workspace_id", "user_id"] },
    indexes: { idx_workspace: ["workspace_id"], idx_user: ["user_id"], idx_role: ["role"] },
  },
);

export const workspace_invitations = table(
  "workspace_invitations",
  {
    id: uuid().id(),
    workspace_id: uuid().notNull().references("workspaces"),
    email: varchar(255).notNull(),
    role: enumOf(["admin", "editor", "contributor", "viewer"]).default("viewer"),
    token: varchar(255).notNull().unique(),
    status: enumOf(["pending", "accepted", "declined", "expired"]).default("pending"),
    message: text(),
    invited_by: uuid().notNull().references("users"),
    expires_at: timestamp().notNull(),
    responded_at: timestamp(),
    ...timestamps(),
  },
  {
    indexes: {
      idx_workspace: ["workspace_id"],
      idx_email: ["email"],
      idx_token: ["token"],
      idx_status: ["status"],
    },
  },
);

export const social_media_accounts = table(
  "social_media_accounts",
  {
    id: uuid().id(),
    workspace_id: uuid().notNull().references("workspaces"),
    platform: enumOf(["instagram", "facebook", "twitter", "linkedin", "tiktok", "youtube"]).notNull(),
    account_id: varchar(255).notNull(),
    username: varchar(255).notNull(),
    display_name: varchar(255),
    profile_picture: varchar(255),
    access_tokens: json().type("JsonObject"),
    status: enumOf(["active", "expired", "revoked"]).default("active"),
    connected_at: timestamp(),
    last_sync_at: timestamp(),
    account_info: json().type("JsonObject"),
    ...timestamps(),
    // Added (social scheduling): access_tokens holds AES-GCM ciphertext; token_key_id names the key that
    // sealed it so keys can rotate; token_expires_at drives refresh-ahead; the refresh lease (owner + until)
    // lets one refresh run per account, because X and TikTok rotate refresh tokens and a second refresh loses them.
    token_key_id: varchar(64),
    token_expires_at: timestamp(),
    refresh_lock_owner: varchar(64),
    refresh_lock_until: timestamp(),
    last_error: text(),
  },
  {
    indexes: {
      idx_workspace: ["workspace_id"],
      idx_platform: ["platform"],
      idx_username: ["username"],
      idx_status: ["status"],
      // Added (social scheduling): the refresh cron's scan of tokens about to expire.
      idx_status_expires: ["status", "token_expires_at"],
    },
  },
);

export const social_media_posts = table(
  "social_media_posts",
  {
    id: uuid().id(),
    workspace_id: uuid().notNull().references("workspaces"),
    social_media_account_id: uuid().notNull().references("social_media_accounts"),
    title: varchar(255),
    content: text().notNull(),
    media_urls: json().type("StringList"),
    hashtags: json().type("StringList"),
    // Added values after the seed's four: contributors' posts wait in pending_approval; the cron's claim
    // moves scheduled → publishing; unconfirmed means the platform may have it and a person must check.
    status: enumOf([
      "draft",
      "scheduled",
      "published",
      "failed",
      "pending_approval",
      "publishing",
      "unconfirmed",
    ]).default("draft"),
    scheduled_at: timestamp(),
    published_at: timestamp(),
    external_post_id: varchar(255),
    engagement_metrics: json().type("JsonObject"),
    created_by: uuid().notNull().references("users"),
    ...timestamps(),
    // Added (social scheduling): one compose for several accounts makes one row per account with one group_id.
    group_id: uuid(),
    failure_reason: text(),
    // Publishing, step by step: queued (claimed, on the queue) → working (a consumer owns it; nothing
    // irreversible yet) → sending (the irreversible call is in flight: a crash here means unconfirmed, never a
    // resend) → waiting (a backoff or a multi-step platform's next check, for a later tick) → done.
    publish_state: enumOf(["queued", "working", "sending", "waiting", "done"]),
    publish_attempts: int().notNull().default(0),
    /** A multi-step platform's pending state (container or upload id), advanced by later ticks. */
    publish_data: json().type("JsonObject"),
    /** Not before: a retry's backoff (honouring the platform's reset headers) or the next check of a pending step. */
    next_attempt_at: timestamp(),
    claimed_at: timestamp(),
    approved_by: uuid(),
    approved_at: timestamp(),
    rejected_by: uuid(),
    rejected_at: timestamp(),
    review_comment: text(),
    metrics_synced_at: timestamp(),
  },
  {
    indexes: {
      idx_workspace: ["workspace_id"],
      idx_account: ["social_media_account_id"],
      idx_status: ["status"],
      idx_scheduled: ["scheduled_at"],
      // Added (social scheduling): the cron's claim (due scheduled posts, pending steps), the calendar, groups.
      idx_status_scheduled: ["status", "scheduled_at"],
      idx_status_next: ["status", "next_attempt_at"],
      idx_ws_scheduled: ["workspace_id", "scheduled_at", "id"],
      idx_ws_status: ["workspace_id", "status", "scheduled_at"],
      idx_group: ["group_id"],
    },
  },
);

/** Added (social scheduling): a workspace's posting times, local wall-clock in its time zone; "next free slot" reads them. */
export const social_posting_slots = table(
  "social_posting_slots",
  {
    id: uuid().id(),
    workspace_id: uuid().notNull().references("workspaces"),
    /** 0 = Sunday … 6 = Saturday. */
    weekday: tinyintUnsigned().notNull(),
    /** HH:MM, 24-hour, in the workspace's time zone. */
    time: varchar(5).notNull(),
    ...timestamps(),
  },
  {
    uniques: { unique_ws_slot: ["workspace_id", "weekday", "time"] },
  },
);

export const link_in_bio_pages = table(
  "link_in_bio_pages",
  {
    id: uuid().id(),
    workspace_id: uuid().notNull().references("workspaces"),
    title: varchar(255).notNull(),
    slug: varchar(255).notNull().unique(),
    bio: text(),
    profile_picture: varchar(255),
    background_image: varchar(255),
    theme: json().type("JsonObject"),
    links: json().type("JsonObject[]"),
    is_active: boolean().default(true),
    total_views: int().default(0),
    total_clicks: int().default(0),
    seo_title: varchar(255),
    seo_description: text(),
    custom_css: text(),
    custom_domain: varchar(255),
    ...timestamps(),
    // --- link-in-bio additions ---
    // A custom domain serves the page only once its owner proved control of it (a DNS TXT record with this token).
    custom_domain_token: varchar(64),
    custom_domain_verified_at: timestamp(),
    // --- end link-in-bio additions ---
  },
  {
    indexes: { idx_workspace: ["workspace_id"], idx_slug: ["slug"], idx_active: ["is_active"] },
    // link-in-bio addition: one page per domain, and the Host lookup of a custom domain is an index seek.
    uniques: { unique_custom_domain: ["custom_domain"] },
  },
);

export const email_campaigns = table(
  "email_campaigns",
  {
    id: uuid().id(),
    workspace_id: uuid().notNull().references("workspaces"),
    subject: varchar(255).notNull(),
    sender: varchar(255).notNull(),
    template: varchar(255).notNull(),
    audience: varchar(255).notNull(),
    content: longtext(),
    status: enumOf(["draft", "scheduled", "sent", "failed"]).default("draft"),
    schedule_at: timestamp(),
    sent_at: timestamp(),
    sent_count: int().default(0),
    delivered_count: int().default(0),
    opened_count: int().default(0),
    clicked_count: int().default(0),
    bounce_count: int().default(0),
    open_rate: decimal(5, 2).default("0.00"),
    click_rate: decimal(5, 2).default("0.00"),
    bounce_rate: decimal(5, 2).default("0.00"),
    created_by: uuid().notNull().references("users"),
    ...timestamps(),
  },
  { indexes: { idx_workspace: ["workspace_id"], idx_status: ["status"], idx_scheduled: ["schedule_at"] } },
);

export const email_templates = table(
  "email_templates",
  {
    id: uuid().id(),
    workspace_id: uuid().references("workspaces"),
    name: varchar(255).notNull(),
    description: text(),
    content: longtext().notNull(),
    category: varchar(255).notNull(),
    thumbnail: varchar(255),
    is_global: boolean().default(false),
    created_by: uuid().notNull().references("users"),
    ...timestamps(),
  },
  { indexes: { idx_workspace: ["workspace_id"], idx_category: ["category"], idx_global: ["is_global"] } },
);

export const email_audiences = table(
  "email_audiences",
  {
    id: uuid().id(),
    workspace_id: uuid().notNull().references("workspaces"),
    name: varchar(255).notNull(),
    description: text(),
    criteria: json().notNull().type("JsonObject"),
    subscriber_count: int().default(0),
    created_by: uuid().notNull().references("users"),
    ...timestamps(),
  },
  { indexes: { idx_workspace: ["workspace_id"] } },
);

export const crm_contacts = table(
  "crm_contacts",
  {
    id: uuid().id(),
    workspace_id: uuid().notNull().references("workspaces"),
    first_name: varchar(255).notNull(),
    last_name: varchar(255).notNull(),
    email: varchar(255),
    phone: varchar(255),
    company: varchar(255),
    position: varchar(255),
    address: text(),
    status: enumOf(["lead", "prospect", "customer", "inactive"]).default("lead"),
    lead_score: int().default(0),
    source: varchar(255),
    tags: json().type("StringList"),
    notes: text(),
    last_contacted: timestamp(),
    next_follow_up: timestamp(),
    created_by: uuid().notNull().references("users"),
    ...timestamps(),
  },
  {
    indexes: {
      idx_workspace: ["workspace_id"],
      idx_email: ["email"],
      idx_status: ["status"],
      idx_lead_score: ["lead_score"],
      // Added: every list sorts and pages within one workspace, so each sort key has an index led by workspace_id;
      // the equality filters (status, source, company) carry the default sort (created_at, id) behind them.
      idx_ws_id: ["workspace_id", "id"],
      // Name sorts and the source and company filters ignore case on both dialects (see caseless).
      idx_ws_name: ["workspace_id", caseless("last_name"), caseless("first_name"), "id"],
      idx_ws_updated: ["workspace_id", "updated_at", "id"],
      // Created-range filters: ids of imported Mewayz rows are not time-ordered, so id order can't stand in for it.
      idx_ws_created: ["workspace_id", "created_at", "id"],
      idx_ws_score: ["workspace_id", "lead_score", "id"],
      idx_ws_status: ["workspace_id", "status", "created_at", "id"],
      idx_ws_contacted: ["workspace_id", "last_contacted", "id"],
      idx_ws_follow_up: ["workspace_id", "next_follow_up", "id"],
      idx_ws_source: ["workspace_id", caseless("source"), "created_at", "id"],
      idx_ws_company: ["workspace_id", caseless("company"), "created_at", "id"],
    },
    // Added: one contact per email in a workspace (emails are stored lower-cased; NULLs do not collide).
    uniques: { unique_workspace_email: ["workspace_id", "email"] },
  },
);

export const courses = table(
  "courses",
  {
    id: uuid().id(),
    workspace_id: uuid().notNull().references("workspaces"),
    title: varchar(255).notNull(),
    slug: varchar(255).notNull().unique(),
    description: text(),
    price: decimal(10, 2).default("0.00"),
    currency: varchar(3).default("USD"),
    status: enumOf(["draft", "published", "archived"]).default("draft"),
    thumbnail: varchar(255),
    trailer_video: varchar(255),
    difficulty_level: enumOf(["beginner", "intermediate", "advanced"]).default("beginner"),
    duration_minutes: int().default(0),
    requirements: text(),
    what_you_learn: text(),
    created_by: uuid().notNull().references("users"),
    ...timestamps(),
  },
  { indexes: { idx_workspace: ["workspace_id"], idx_slug: ["slug"], idx_status: ["status"] } },
);

export const course_modules = table(
  "course_modules",
  {
    id: uuid().id(),
    course_id: uuid().notNull().references("courses"),
    title: varchar(255).notNull(),
    description: text(),
    order_index: int().notNull(),
    ...timestamps(),
  },
  { indexes: { idx_course: ["course_id"], idx_order: ["order_index"] } },
);

export const course_lessons = table(
  "course_lessons",
  {
    id: uuid().id(),
    course_id: uuid().notNull().references("courses"),
    module_id: uuid().notNull().references("course_modules"),
    title: varchar(255).notNull(),
    description: text(),
    content: longtext(),
    video_url: varchar(255),
    duration_minutes: int().default(0),
    order_index: int().notNull(),
    is_free: boolean().default(false),
    ...timestamps(),
  },
  { indexes: { idx_course: ["course_id"], idx_module: ["module_id"], idx_order: ["order_index"] } },
);

export const products = table(
  "products",
  {
    id: uuid().id(),
    workspace_id: uuid().notNull().references("workspaces"),
    name: varchar(255).notNull(),
    slug: varchar(255).notNull().unique(),
    description: text(),
    price: decimal(10, 2).notNull(),
    compare_price: decimal(10, 2),
    currency: varchar(3).default("USD"),
    stock: int().default(0),
    track_inventory: boolean().default(true),
    status: enumOf(["active", "inactive", "archived"]).default("active"),
    images: json().type("StringList"),
    category: varchar(255),
    tags: json().type("StringList"),
    weight: decimal(8, 2),
    dimensions: json().type("JsonObject"),
    seo_title: varchar(255),
    seo_description: text(),
    created_by: uuid().notNull().references("users"),
    ...timestamps(),
  },
  {
    indexes: {
      idx_workspace: ["workspace_id"],
      idx_slug: ["slug"],
      idx_status: ["status"],
      idx_category: ["category"],
    },
  },
);

export const payment_transactions = table(
  "payment_transactions",
  {
    id: uuid().id(),
    workspace_id: uuid().notNull().references("workspaces"),
    user_id: uuid().notNull().references("users"),
    amount: decimal(10, 2).notNull(),
    currency: varchar(3).default("USD"),
    payment_status: enumOf(["pending", "paid", "failed", "refunded"]).default("pending"),
    payment_method: varchar(255),
    stripe_payment_intent_id: varchar(255),
    stripe_session_id: varchar(255),
    description: text(),
    metadata: json().type("JsonObject"),
    ...timestamps(),
  },
  {
    indexes: {
      idx_workspace: ["workspace_id"],
      idx_user: ["user_id"],
      idx_status: ["payment_status"],
      idx_stripe_session: ["stripe_session_id"],
    },
  },
);

export const subscriptions = table(
  "subscriptions",
  {
    id: uuid().id(),
    workspace_id: uuid().notNull().references("workspaces"),
    user_id: uuid().notNull().references("users"),
    plan_id: varchar(255).notNull(),
    status: enumOf(["active", "canceled", "past_due", "unpaid"]).default("active"),
    current_period_start: timestamp().notNull(),
    current_period_end: timestamp().notNull(),
    trial_start: timestamp(),
    trial_end: timestamp(),
    canceled_at: timestamp(),
    stripe_subscription_id: varchar(255),
    ...timestamps(),
  },
  {
    indexes: {
      idx_workspace: ["workspace_id"],
      idx_user: ["user_id"],
      idx_status: ["status"],
      idx_stripe_subscription: ["stripe_subscription_id"],
    },
  },
);

export const activity_logs = table(
  "activity_logs",
  {
    id: uuid().id(),
    workspace_id: uuid().notNull().references("workspaces"),
    user_id: uuid().notNull().references("users"),
    type: varchar(255).notNull(),
    description: text().notNull(),
    entity_type: varchar(255),
    entity_id: uuid(),
    ip_address: varchar(45),
    user_agent: text(),
    metadata: json().type("JsonObject"),
    ...timestamps(),
  },
  {
    indexes: {
      idx_workspace: ["workspace_id"],
      idx_user: ["user_id"],
      idx_type: ["type"],
      idx_entity: ["entity_type", "entity_id"],
      // Added: the feed pages newest-first within a workspace.
      idx_ws_id: ["workspace_id", "id"],
    },
  },
);

export const personal_access_tokens = table(
  "personal_access_tokens",
  {
    id: bigintAutoIncrement(),
    tokenable_type: varchar(255).notNull(),
    tokenable_id: uuid().notNull(),
    name: varchar(255).notNull(),
    token: varchar(64).notNull().unique(),
    abilities: text(),
    last_used_at: timestamp(),
    expires_at: timestamp(),
    ...timestamps(),
  },
  { indexes: { idx_tokenable: ["tokenable_type", "tokenable_id"], idx_token: ["token"] } },
);

export const cache = table(
  "cache",
  {
    key: varchar(255).primaryKey(),
    value: longtext().notNull(),
    expiration: int().notNull(),
  },
  { indexes: { idx_expiration: ["expiration"] } },
);

export const cache_locks = table(
  "cache_locks",
  {
    key: varchar(255).primaryKey(),
    owner: varchar(255).notNull(),
    expiration: int().notNull(),
  },
  { indexes: { idx_expiration: ["expiration"] } },
);

export const sessions = table(
  "sessions",
  {
    id: varchar(255).primaryKey(),
    user_id: uuid(),
    ip_address: varchar(45),
    user_agent: text(),
    payload: longtext().notNull(),
    last_activity: int().notNull(),
    // Added: idle expiry of a session (sliding). Nullable so sessions imported from Laravel simply count as expired.
    expires_at: timestamp(),
  },
  { indexes: { idx_user: ["user_id"], idx_last_activity: ["last_activity"], idx_expires: ["expires_at"] } },
);

export const jobs = table(
  "jobs",
  {
    id: bigintAutoIncrement(),
    queue: varchar(255).notNull(),
    payload: longtext().notNull(),
    attempts: tinyintUnsigned().notNull(),
    reserved_at: intUnsigned(),
    available_at: intUnsigned().notNull(),
    created_at: intUnsigned().notNull(),
  },
  { indexes: { idx_queue: ["queue"], idx_reserved: ["reserved_at"], idx_available: ["available_at"] } },
);

export const job_batches = table("job_batches", {
  id: varchar(255).primaryKey(),
  name: varchar(255).notNull(),
  total_jobs: int().notNull(),
  pending_jobs: int().notNull(),
  failed_jobs: int().notNull(),
  failed_job_ids: longtext().notNull(),
  options: mediumtext(),
  cancelled_at: int(),
  created_at: int().notNull(),
  finished_at: int(),
});

export const failed_jobs = table(
  "failed_jobs",
  {
    id: bigintAutoIncrement(),
    uuid: varchar(255).notNull().unique(),
    connection: text().notNull(),
    queue: text().notNull(),
    payload: longtext().notNull(),
    exception: longtext().notNull(),
    failed_at: timestamp().defaultNow(),
  },
  { indexes: { idx_uuid: ["uuid"] } },
);

// ── Tables the product added to the seed's ──────────────────────────────────

/** Single-use links sent by mail: email verification and password reset. Only the SHA-256 of the token is kept. */
export const user_tokens = table(
  "user_tokens",
  {
    id: uuid().id(),
    user_id: uuid().notNull().references("users"),
    purpose: enumOf(["email_verification", "password_reset"]).notNull(),
    token_hash: varchar(64).notNull().unique(),
    email: varchar(255).notNull(),
    expires_at: timestamp().notNull(),
    created_at: timestamp().defaultNow(),
  },
  { indexes: { idx_user_purpose: ["user_id", "purpose"], idx_expires: ["expires_at"] } },
);

/** Mail kept instead of sent when no mail provider is configured (local development), shown at /app/dev/outbox. */
export const mail_outbox = table(
  "mail_outbox",
  {
    id: uuid().id(),
    to_address: varchar(255).notNull(),
    subject: varchar(255).notNull(),
    html: longtext().notNull(),
    text: longtext().notNull(),
    created_at: timestamp().defaultNow(),
  },
  { indexes: { idx_to: ["to_address"] } },
);

/**
 * A workspace's reusable join link: anyone signed in with a confirmed email who has it
 * joins in `role`. Only the SHA-256 of the token is kept; a link works while
 * `disabled_at` is null, and making a new one turns the workspace's older ones off.
 */
export const workspace_invite_links = table(
  "workspace_invite_links",
  {
    id: uuid().id(),
    workspace_id: uuid().notNull().references("workspaces"),
    token_hash: varchar(64).notNull().unique(),
    role: enumOf(["editor", "contributor", "viewer"]).notNull().default("viewer"),
    created_by: uuid().notNull().references("users"),
    disabled_at: timestamp(),
    uses: int().notNull().default(0),
    ...timestamps(),
  },
  { indexes: { idx_workspace: ["workspace_id"] } },
);

/** A contact's tags, one row each, so "has any/all of these tags" filters use an index (crm_contacts.tags keeps the list too). */
export const crm_contact_tags = table(
  "crm_contact_tags",
  {
    id: uuid().id(),
    workspace_id: uuid().notNull().references("workspaces"),
    contact_id: uuid().notNull().references("crm_contacts"),
    tag: varchar(64).notNull(),
  },
  {
    uniques: { unique_contact_tag: ["contact_id", "tag"] },
    indexes: { idx_ws_tag: ["workspace_id", "tag", "contact_id"] },
  },
);

/**
 * The search index of contacts: each word of a contact's name, email, company, position
 * and notes, folded to lower case without accents. Prefix search is a range scan on
 * (workspace_id, term), the same on D1 and MySQL — D1 cannot export FTS5 tables.
 */
export const crm_contact_terms = table(
  "crm_contact_terms",
  {
    id: uuid().id(),
    workspace_id: uuid().notNull().references("workspaces"),
    contact_id: uuid().notNull().references("crm_contacts"),
    term: varchar(64).notNull(),
  },
  {
    uniques: { unique_contact_term: ["contact_id", "term"] },
    indexes: { idx_ws_term: ["workspace_id", "term", "contact_id"] },
  },
);

/** A CSV import: the uploaded rows, the column mapping, and progress, so it can be previewed, run in chunks and resumed. */
export const crm_import_jobs = table(
  "crm_import_jobs",
  {
    id: uuid().id(),
    workspace_id: uuid().notNull().references("workspaces"),
    created_by: uuid().notNull().references("users"),
    status: enumOf(["uploaded", "running", "completed", "failed", "cancelled"]).notNull().default("uploaded"),
    file_name: varchar(255).notNull(),
    headers: json().notNull().type("StringList"),
    mapping: json().type("JsonObject"),
    duplicate_strategy: enumOf(["skip", "update", "merge_tags"]).notNull().default("skip"),
    total_rows: int().notNull().default(0),
    processed_rows: int().notNull().default(0),
    created_count: int().notNull().default(0),
    updated_count: int().notNull().default(0),
    skipped_count: int().notNull().default(0),
    error_count: int().notNull().default(0),
    last_error: text(),
    started_at: timestamp(),
    finished_at: timestamp(),
    ...timestamps(),
  },
  { indexes: { idx_ws_id: ["workspace_id", "id"] } },
);

/** One uploaded CSV row of an import and what became of it. */
export const crm_import_rows = table(
  "crm_import_rows",
  {
    id: uuid().id(),
    job_id: uuid().notNull().references("crm_import_jobs"),
    row_number: int().notNull(),
    cells: json().notNull().type("StringList"),
    outcome: enumOf(["pending", "created", "updated", "skipped", "rejected"]).notNull().default("pending"),
    error: text(),
    contact_id: uuid(),
  },
  {
    uniques: { unique_job_row: ["job_id", "row_number"] },
    indexes: { idx_job_outcome: ["job_id", "outcome", "row_number"] },
  },
);

// --- link-in-bio additions ---
/**
 * A bio page's analytics, one row per page, day (UTC) and dimension value: `page` (value ""),
 * `link` (a link id), `referrer` (a host), `country` (ISO code) and `device`. Written in
 * batches by the BioCounter Durable Object, never once per visit.
 */
export const link_in_bio_stats = table(
  "link_in_bio_stats",
  {
    id: uuid().id(),
    page_id: uuid().notNull().references("link_in_bio_pages"),
    day: varchar(10).notNull(),
    dimension: enumOf(["page", "link", "referrer", "country", "device"]).notNull(),
    value: varchar(255).notNull().default(""),
    views: int().notNull().default(0),
    clicks: int().notNull().default(0),
  },
  { uniques: { unique_page_day_value: ["page_id", "day", "dimension", "value"] } },
);

/**
 * Who was counted once already, for unique views (link_id "") and unique clicks: a
 * SHA-256 of the day's salt, the page, the IP address and the browser — never the address itself.
 */
export const link_in_bio_visitors = table(
  "link_in_bio_visitors",
  {
    id: uuid().id(),
    page_id: uuid().notNull().references("link_in_bio_pages"),
    day: varchar(10).notNull(),
    link_id: varchar(64).notNull().default(""),
    visitor: varchar(64).notNull(),
  },
  { uniques: { unique_page_day_visitor: ["page_id", "day", "link_id", "visitor"] } },
);
// --- end link-in-bio additions ---

/** Every table, in an order where each one comes after the tables it references. */
export const tables: TableSpec[] = [
  users,
  workspaces,
  workspace_members,
  workspace_invitations,
  social_media_accounts,
  social_media_posts,
  link_in_bio_pages,
  email_campaigns,
  email_templates,
  email_audiences,
  crm_contacts,
  courses,
  course_modules,
  course_lessons,
  products,
  payment_transactions,
  subscriptions,
  activity_logs,
  personal_access_tokens,
  cache,
  cache_locks,
  sessions,
  jobs,
  job_batches,
  failed_jobs,
  user_tokens,
  mail_outbox,
  workspace_invite_links,
  crm_contact_tags,
  crm_contact_terms,
  crm_import_jobs,
  crm_import_rows,
  link_in_bio_stats,
  link_in_bio_visitors,
  social_posting_slots,
];
