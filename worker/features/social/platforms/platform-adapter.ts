// One interface for every network: connect (authorisation URL, code exchange,
// refresh, account info), check a post, publish it in one or more steps, and read
// its metrics. Adapters never touch the database; the publisher keeps their state.
import type { JsonObject } from "../../../../db/schema/json-types";
import type { LimitProblem, Platform, PostDraft } from "./platform-limits";

/** What is sealed into social_media_accounts.access_tokens. */
export type PlatformTokens = {
  access_token: string;
  refresh_token: string | null;
  /** ISO time the access token stops working, or null when the platform does not say. */
  expires_at: string | null;
  /** Platform-specific credentials, e.g. a Facebook Page's own token. */
  extra?: Record<string, string>;
};

export type AccountProfile = {
  account_id: string;
  username: string;
  display_name: string | null;
  profile_picture: string | null;
  info: JsonObject;
};

/** An account a sign-in reaches, with the tokens that act for it. */
export type ConnectedAccount = { profile: AccountProfile; tokens: PlatformTokens };

export type PublishPost = {
  id: string;
  title: string | null;
  content: string;
  hashtags: string[];
  media_urls: string[];
};

export type PublishAccount = { account_id: string; username: string; info: JsonObject };

/** The result of one step: out, or waiting for the platform (checked again by a later tick). */
export type StepOutcome =
  | { kind: "published"; external_id: string }
  | { kind: "pending"; data: JsonObject; check_after_seconds: number };

export type PublishStep = {
  /** True for the call that can make the post public: the publisher records "sending" before it. */
  irreversible: boolean;
  run(): Promise<StepOutcome>;
};

export type PublishContext = { post: PublishPost; account: PublishAccount; tokens: PlatformTokens };

export type PlatformAdapter = {
  platform: Platform;
  /** Client id and secret are set, so real accounts can be connected. */
  configured: boolean;
  authorizationUrl(state: string, codeVerifier: string, redirectUri: string): URL;
  exchangeCode(code: string, codeVerifier: string, redirectUri: string): Promise<PlatformTokens>;
  /** New tokens; a platform that sends no new refresh token leaves refresh_token null (the caller keeps the old one). */
  refresh(tokens: PlatformTokens): Promise<PlatformTokens>;
  accountInfo(tokens: PlatformTokens): Promise<ConnectedAccount>;
  /**
   * Every account the sign-in can connect, for networks where one person manages several
   * (Facebook Pages, the Instagram accounts linked to them): the person chooses. Without
   * it, the sign-in is one account (accountInfo).
   */
  accountChoices?(tokens: PlatformTokens): Promise<ConnectedAccount[]>;
  validate(draft: PostDraft): LimitProblem[];
  /** The next call for a post: the first when `state` is null, else the one its pending state asks for. */
  nextStep(context: PublishContext, state: JsonObject | null): PublishStep;
  fetchMetrics(externalId: string, context: Omit<PublishContext, "post">): Promise<JsonObject>;
};

export type AdapterOptions = { timeoutMs: number };
