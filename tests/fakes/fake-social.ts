// Local stand-ins for the social networks the publisher talks to, as one real HTTP
// server: X API v2 (/x), LinkedIn (/linkedin) and Meta's Graph API for Instagram and
// Facebook Pages (/meta). Each implements the documented endpoints the adapters call —
// OAuth token exchange and refresh (X rotates refresh tokens), the account, publishing
// (Instagram's container → status → media_publish), metrics — and, on request through
// /__control, their failure modes: 429 with reset headers, expired tokens, bad requests,
// and the dangerous ones: created-then-5xx, created-then-silence, created-then-cut.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  FAKE_SOCIAL,
  type FakeFailure,
  type FakePlatform,
  type FakePublished,
  type FakeRequest,
} from "./fake-social-client";

export type FakeSocial = { url: string; close(): Promise<void> };

type Token = { platform: FakePlatform; user: string; expiresAt: number };

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function clientOf(authorization: string | undefined, form: Record<string, string>) {
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (basic) {
    const [id, secret] = Buffer.from(basic, "base64").toString("utf8").split(":").map(decodeURIComponent);
    return { id, secret };
  }
  return { id: form.client_id, secret: form.client_secret };
}

export async function startFakeSocial(): Promise<FakeSocial> {
  let counter = 0;
  const access = new Map<string, Token>();
  const refresh = new Map<string, { platform: FakePlatform; user: string; valid: boolean }>();
  const failures: (FakeFailure & { left: number })[] = [];
  const published: FakePublished[] = [];
  const requests: FakeRequest[] = [];
  const containers = new Map<string, { user: string; caption: string; media: string[]; published: boolean }>();
  const slow = new Map<string, number>();
  /** How many Pages each Meta user manages (1 unless set): the first is page-<user>, then page-<user>-2… */
  const pageCounts = new Map<string, number>();
  const sessions = new Map<string, { user: string; description: string }>();
  /** Facebook photos uploaded unpublished, by id: whose, on which Page, from which URL. */
  const unpublishedPhotos = new Map<string, { user: string; page: string; url: string }>();
  /** X media by id: who uploaded it and its size. */
  const xMedia = new Map<string, { user: string; bytes: number }>();
  /** LinkedIn images by URN: who initialised the upload, and how many bytes arrived (null: none yet). */
  const images = new Map<string, { user: string; bytes: number | null }>();
  const hanging = new Set<ServerResponse>();
  /** The `expires_in` token answers give each user instead of the platform's own (any JSON value). */
  const lifetimes = new Map<string, unknown>();

  const issue = (platform: FakePlatform, user: string, withRefresh: boolean) => {
    const n = ++counter;
    const at = `${platform}-at-${user}-${n}`;
    access.set(at, { platform, user, expiresAt: Date.now() + 2 * 3600_000 });
    const body: Record<string, unknown> = {
      access_token: at,
      token_type: "bearer",
      expires_in: lifetimes.has(user) ? lifetimes.get(user) : 7200,
    };
    if (withRefresh) {
      const rt = `${platform}-rt-${user}-${n}`;
      refresh.set(rt, { platform, user, valid: true });
      body.refresh_token = rt;
    }
    return body;
  };

  const takeFailure = (platform: FakePlatform, user: string | null, path: string) => {
    const f = failures.find((x) => x.platform === platform && x.user === user && path.includes(x.path) && x.left > 0);
    if (f) f.left--;
    return f ?? null;
  };

  const bearerUser = (platform: FakePlatform, authorization: string | undefined, queryToken?: string | null) => {
    const token = queryToken ?? /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1] ?? "";
    const found = access.get(token);
    if (!found || found.platform !== platform) return { user: null, expired: false };
    return { user: found.user, expired: found.expiresAt <= Date.now() };
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake-social");
    const method = req.method ?? "GET";
    const raw = method === "GET" ? Buffer.alloc(0) : await readBody(req);
    const text = raw.toString("utf8");
    const path = url.pathname;

    // --- control ---------------------------------------------------------------
    if (path.startsWith("/__control/")) {
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      const which = path.slice("/__control/".length);
      const platform = (body.platform ?? url.searchParams.get("platform")) as FakePlatform;
      const user = String(body.user ?? url.searchParams.get("user") ?? "");
      if (which === "fail") {
        const f = body as unknown as FakeFailure;
        failures.push({ ...f, left: f.times ?? 1 });
        return send(res, 200, { ok: true });
      }
      if (which === "expire") {
        for (const t of access.values())
          if (t.platform === platform && t.user === user) t.expiresAt = Date.now() - 1000;
        return send(res, 200, { ok: true });
      }
      if (which === "revoke") {
        for (const r of refresh.values()) if (r.platform === platform && r.user === user) r.valid = false;
        for (const t of access.values()) if (t.platform === platform && t.user === user) t.expiresAt = 0;
        return send(res, 200, { ok: true });
      }
      if (which === "pages") {
        pageCounts.set(user, Number(body.count ?? 1));
        return send(res, 200, { ok: true });
      }
      if (which === "token-lifetime") {
        lifetimes.set(user, body.expires_in);
        return send(res, 200, { ok: true });
      }
      if (which === "slow-tokens") {
        slow.set(`${platform}:${user}`, Number(body.delay_ms ?? 0));
        return send(res, 200, { ok: true });
      }
      if (which === "published") {
        return send(res, 200, { data: published.filter((p) => p.platform === platform && p.user === user) });
      }
      if (which === "requests") {
        return send(res, 200, { data: requests.filter((r) => r.platform === platform && r.user === user) });
      }
      return send(res, 404, { error: "unknown control" });
    }

    const platform = path.split("/")[1] as FakePlatform;
    const sub = `/${path.split("/").slice(2).join("/")}`;
    const form = Object.fromEntries(new URLSearchParams(/json/.test(req.headers["content-type"] ?? "") ? "" : text));
    const query = Object.fromEntries(url.searchParams);
    let user: string | null = null;
    const record = (status: number) => requests.push({ platform, user, method, path: sub, status });

    /** Applies a registered failure; true when it answered (or cut) the request. */
    const failed = async (created: () => unknown): Promise<boolean> => {
      const f = takeFailure(platform, user, sub);
      if (!f) return false;
      if (f.mode === "hold") {
        await new Promise((r) => setTimeout(r, f.delay_ms ?? 500));
        return false;
      }
      if (f.mode === "in_progress") return false;
      record(-1);
      const reset = Math.ceil(Date.now() / 1000) + (f.reset_seconds ?? 60);
      switch (f.mode) {
        case "rate_limit":
          if (platform === "meta") {
            // Graph's codes: 4 the app's platform limit, 17 the user's, 32 a Page's, 613 a custom limit.
            // Platform limits report usage in X-App-Usage (percentages, no time); Page and
            // Instagram calls fall under Business Use Case limits, whose header says when
            // access comes back (in minutes). Without reset_seconds no time is given at all.
            const code = f.code ?? 4;
            const messages: Record<number, string> = {
              4: "Application request limit reached",
              17: "User request limit reached",
              32: "Page request limit reached",
              613: "Calls to this api have exceeded the rate limit.",
            };
            const headers: Record<string, string> = {};
            if (code === 4 || code === 17)
              headers["x-app-usage"] = JSON.stringify({ call_count: 100, total_cputime: 40, total_time: 60 });
            if (f.reset_seconds !== undefined) {
              headers["x-business-use-case-usage"] = JSON.stringify({
                [`page-${user}`]: [
                  {
                    type: code === 32 ? "pages" : "instagram",
                    call_count: 100,
                    total_cputime: 20,
                    total_time: 30,
                    estimated_time_to_regain_access: Math.ceil(f.reset_seconds / 60),
                  },
                ],
              });
            }
            send(
              res,
              code === 32 ? 403 : 400,
              { error: { message: messages[code] ?? "Rate limited", type: "OAuthException", code } },
              headers,
            );
          } else {
            send(
              res,
              429,
              { title: "Too Many Requests", detail: "Too Many Requests", status: 429 },
              {
                "x-rate-limit-limit": "100",
                "x-rate-limit-remaining": "0",
                "x-rate-limit-reset": String(reset),
                "retry-after": String(f.reset_seconds ?? 60),
              },
            );
          }
          return true;
        case "expired_token":
          if (platform === "meta") {
            send(res, 400, {
              error: {
                message: "Error validating access token: Session has expired",
                type: "OAuthException",
                code: 190,
                error_subcode: 463,
              },
            });
          } else send(res, 401, { title: "Unauthorized", detail: "Unauthorized", status: 401 });
          return true;
        case "bad_request":
          if (platform === "meta")
            send(res, 400, { error: { message: f.reason ?? "Invalid parameter", type: "OAuthException", code: 100 } });
          else
            send(res, platform === "x" ? 403 : 422, {
              detail: f.reason ?? "Invalid request",
              message: f.reason ?? "Invalid request",
              status: 400,
            });
          return true;
        case "server_error_after_accept":
          created();
          send(res, 503, { title: "Service Unavailable", detail: "Service Unavailable" });
          return true;
        case "timeout_after_accept":
          created();
          hanging.add(res);
          return true;
        case "drop_after_accept":
          created();
          req.socket.destroy();
          return true;
      }
      return false;
    };

    // --- OAuth token endpoints -----------------------------------------------------
    const TOKEN_PATHS: Partial<Record<FakePlatform, string>> = {
      x: "/2/oauth2/token",
      linkedin: "/oauth/v2/accessToken",
      tiktok: "/v2/oauth/token/",
      meta: "/oauth/access_token",
    };
    const tokenPath = TOKEN_PATHS[platform];
    if (sub === tokenPath) {
      const params = platform === "meta" ? { ...query, ...form } : form;
      const client =
        platform === "tiktok"
          ? { id: params.client_key, secret: params.client_secret }
          : clientOf(req.headers.authorization, params);
      const expected = FAKE_SOCIAL[platform];
      if (client.id !== expected.id || client.secret !== expected.secret) {
        record(401);
        return send(res, 401, { error: "invalid_client", error_description: "Unknown client" });
      }
      if (platform === "meta" && params.grant_type === "fb_exchange_token") {
        const short = access.get(params.fb_exchange_token ?? "");
        if (!short || short.expiresAt <= Date.now()) {
          record(400);
          return send(res, 400, {
            error: { message: "Error validating access token", type: "OAuthException", code: 190, error_subcode: 460 },
          });
        }
        user = short.user;
        const body = issue("meta", short.user, false);
        if (!lifetimes.has(short.user)) body.expires_in = 5_183_944;
        (access.get(String(body.access_token)) as Token).expiresAt = Date.now() + 5_183_944_000;
        record(200);
        return send(res, 200, body);
      }
      const grant = params.grant_type ?? (params.code ? "authorization_code" : "");
      if (grant === "authorization_code") {
        if (!params.code || !params.redirect_uri) {
          record(400);
          return send(res, 400, { error: "invalid_request", error_description: "code and redirect_uri required" });
        }
        if (platform === "x" && !params.code_verifier) {
          record(400);
          return send(res, 400, { error: "invalid_request", error_description: "code_verifier required" });
        }
        user = params.code;
        const delay = slow.get(`${platform}:${user}`) ?? 0;
        if (delay) await new Promise((r) => setTimeout(r, delay));
        record(200);
        const issued = issue(platform, params.code, platform !== "meta");
        if (platform === "tiktok") issued.open_id = `tt-${params.code}`;
        return send(res, 200, issued);
      }
      if (grant === "refresh_token") {
        const stored = refresh.get(params.refresh_token ?? "");
        user = stored?.user ?? null;
        const delay = user ? (slow.get(`${platform}:${user}`) ?? 0) : 0;
        if (delay) await new Promise((r) => setTimeout(r, delay));
        if (!stored?.valid || stored.platform !== platform) {
          record(400);
          return send(res, 400, {
            error: "invalid_grant",
            error_description: "Value passed for the token was invalid.",
          });
        }
        // X and TikTok rotate: the refresh token just used is spent. LinkedIn answers without a new refresh token.
        const rotates = platform === "x" || platform === "tiktok";
        if (rotates) stored.valid = false;
        const body = issue(platform, stored.user, rotates);
        record(200);
        return send(res, 200, body);
      }
      record(400);
      return send(res, 400, { error: "unsupported_grant_type" });
    }

    // A public media file, as a CDN serves it (YouTube's adapter streams it to the upload).
    if (platform === ("media" as FakePlatform)) {
      const type = /\.(png|jpe?g)$/i.test(path)
        ? `image/${path.toLowerCase().endsWith(".png") ? "png" : "jpeg"}`
        : "video/mp4";
      res.writeHead(200, { "Content-Type": type });
      return res.end(Buffer.alloc(2048, 7));
    }

    // --- authenticated API -----------------------------------------------------------
    // YouTube's tokens come from the fake Google (ya29.fake-<code>): the code names the user.
    const googleUser = /^Bearer\s+ya29\.fake-(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
    if (platform === "youtube" && googleUser && !access.has(`youtube:${googleUser}`)) {
      access.set(`ya29.fake-${googleUser}`, {
        platform: "youtube",
        user: googleUser,
        expiresAt: Date.now() + 3600_000,
      });
    }
    const who = bearerUser(platform, req.headers.authorization, query.access_token ?? form.access_token ?? null);
    user = who.user;
    if (!who.user || who.expired) {
      record(401);
      if (platform === "meta") {
        return send(res, 400, {
          error: {
            message: "Error validating access token: Session has expired",
            type: "OAuthException",
            code: 190,
            error_subcode: 463,
          },
        });
      }
      return send(res, 401, { title: "Unauthorized", detail: "Unauthorized", status: 401 });
    }
    const me = who.user;

    if (platform === "x") {
      if (sub === "/2/users/me") {
        record(200);
        return send(res, 200, {
          data: { id: `x-id-${me}`, username: me, name: `X ${me}`, profile_image_url: "https://pbs.example/x.png" },
        });
      }
      // The media upload: one multipart request with the file in `media`, answered with its id.
      if (sub === "/2/media/upload" && method === "POST") {
        if (await failed(() => undefined)) return;
        const form = await new Response(new Uint8Array(raw), {
          headers: { "Content-Type": req.headers["content-type"] ?? "" },
        })
          .formData()
          .catch(() => null);
        const file: unknown = form?.get("media");
        if (!(file instanceof Blob) || file.size === 0 || form?.get("media_category") !== "tweet_image") {
          record(400);
          return send(res, 400, { title: "Invalid Request", detail: "A tweet_image upload needs its file in media." });
        }
        const id = String(1_900_000_000_000 + ++counter);
        xMedia.set(id, { user: me, bytes: file.size });
        record(200);
        return send(res, 200, { data: { id, media_key: `3_${id}`, size: file.size, expires_after_secs: 86_400 } });
      }
      if (sub === "/2/tweets" && method === "POST") {
        const { text: tweet, media } = JSON.parse(text || "{}") as { text?: string; media?: { media_ids?: string[] } };
        const mediaIds = media?.media_ids ?? [];
        const make = () => {
          const id = String(1_800_000_000_000 + ++counter);
          const attached = mediaIds.map((m) => `${m} (${xMedia.get(m)?.bytes} bytes)`);
          published.push({ platform, user: me, id, text: tweet ?? "", media: attached });
          return id;
        };
        if (await failed(make)) return;
        if (mediaIds.length > 4 || mediaIds.some((m) => xMedia.get(m)?.user !== me)) {
          record(400);
          return send(res, 400, { title: "Invalid Request", detail: "Your media IDs are invalid." });
        }
        if ((!tweet && mediaIds.length === 0) || [...(tweet ?? "")].length > 280) {
          record(400);
          return send(res, 400, { title: "Invalid Request", detail: "Tweet text is empty or too long." });
        }
        const id = make();
        record(201);
        return send(res, 201, { data: { id, text: tweet } });
      }
      const metrics = /^\/2\/tweets\/(\d+)$/.exec(sub);
      if (metrics) {
        if (await failed(() => undefined)) return;
        record(200);
        return send(res, 200, {
          data: {
            id: metrics[1],
            public_metrics: { like_count: 7, reply_count: 2, retweet_count: 3, quote_count: 1, impression_count: 420 },
          },
        });
      }
    }

    if (platform === "linkedin") {
      if (sub === "/v2/userinfo") {
        record(200);
        return send(res, 200, {
          sub: `li-${me}`,
          name: `LinkedIn ${me}`,
          email: `${me}@example.com`,
          picture: "https://media.example/li.png",
        });
      }
      if (sub === "/rest/posts" && method === "POST") {
        if (!req.headers["linkedin-version"]) {
          record(400);
          return send(res, 400, { message: "A version header is required", status: 400 });
        }
        const body = JSON.parse(text || "{}") as {
          commentary?: string;
          author?: string;
          content?: { media?: { id?: string }; multiImage?: { images?: { id?: string }[] } };
        };
        const ids = body.content?.multiImage?.images?.map((i) => i.id ?? "") ?? [body.content?.media?.id ?? ""];
        const named = ids.filter(Boolean);
        const unknown = named.find((id) => images.get(id)?.user !== me || images.get(id)?.bytes === null);
        if (unknown) {
          record(400);
          return send(res, 400, { message: `Image ${unknown} was not uploaded`, status: 400 });
        }
        const make = () => {
          const id = `urn:li:share:${7_000_000_000 + ++counter}`;
          const media = named.map((urn) => `${urn} (${images.get(urn)?.bytes} bytes)`);
          published.push({ platform, user: me, id, text: body.commentary ?? "", media });
          return id;
        };
        if (await failed(make)) return;
        const id = make();
        record(201);
        res.writeHead(201, { "x-restli-id": id });
        return res.end();
      }
      // The Images API: initializeUpload answers where to PUT the bytes and the image's URN.
      if (sub === "/rest/images" && method === "POST" && query.action === "initializeUpload") {
        if (await failed(() => undefined)) return;
        const n = ++counter;
        const urn = `urn:li:image:${n}`;
        images.set(urn, { user: me, bytes: null });
        record(200);
        return send(res, 200, {
          value: { uploadUrl: `http://${req.headers.host}/linkedin/upload/img-${n}`, image: urn },
        });
      }
      const imageUpload = /^\/upload\/img-(\d+)$/.exec(sub);
      if (imageUpload && method === "PUT") {
        const image = images.get(`urn:li:image:${imageUpload[1]}`);
        if (!image || image.user !== me || raw.length === 0) {
          record(400);
          return send(res, 400, { message: "No such upload, or an empty body", status: 400 });
        }
        image.bytes = raw.length;
        record(201);
        res.writeHead(201);
        return res.end();
      }
      if (sub.startsWith("/rest/socialActions/")) {
        record(200);
        return send(res, 200, { likesSummary: { totalLikes: 11 }, commentsSummary: { aggregatedTotalComments: 4 } });
      }
    }

    if (platform === "meta") {
      const params = { ...query, ...form };
      if (sub === "/me/accounts") {
        const data = Array.from({ length: pageCounts.get(me) ?? 1 }, (_, i) => {
          const suffix = i === 0 ? "" : `-${i + 1}`;
          // The Page's own token, as Graph hands it out: good for posting to the Page.
          const pageToken = `meta-page-${me}${suffix}`;
          access.set(pageToken, { platform: "meta", user: me, expiresAt: Date.now() + 365 * 86_400_000 });
          return {
            id: `page-${me}${suffix}`,
            name: `Page ${me}${suffix}`,
            access_token: pageToken,
            instagram_business_account: {
              id: `ig-${me}${suffix}`,
              username: `${me}${suffix.replace("-", "_")}`,
              name: `IG ${me}${suffix}`,
              profile_picture_url: "https://cdn.example/ig.png",
            },
          };
        });
        record(200);
        return send(res, 200, { data });
      }
      const media = /^\/(ig-[^/]+)\/media$/.exec(sub);
      if (media && method === "POST") {
        if (await failed(() => undefined)) return;
        if (!params.image_url && !params.video_url && !params.children) {
          record(400);
          return send(res, 400, {
            error: { message: "The parameter image_url is required.", type: "OAuthException", code: 100 },
          });
        }
        const id = `container-${++counter}`;
        containers.set(id, {
          user: me,
          caption: params.caption ?? "",
          media: [params.image_url ?? params.video_url ?? ""],
          published: false,
        });
        record(200);
        return send(res, 200, { id });
      }
      const publish = /^\/(ig-[^/]+)\/media_publish$/.exec(sub);
      if (publish && method === "POST") {
        const container = containers.get(params.creation_id ?? "");
        const make = () => {
          const id = `ig-media-${++counter}`;
          if (container) container.published = true;
          published.push({ platform, user: me, id, text: container?.caption ?? "", media: container?.media ?? [] });
          return id;
        };
        if (await failed(make)) return;
        if (!container) {
          record(400);
          return send(res, 400, { error: { message: "Invalid creation_id", type: "OAuthException", code: 100 } });
        }
        if (container.published) {
          record(400);
          return send(res, 400, {
            error: { message: "The media has already been published", type: "OAuthException", code: 9007 },
          });
        }
        const id = make();
        record(200);
        return send(res, 200, { id });
      }
      const status = /^\/(container-\d+)$/.exec(sub);
      if (status && method === "GET") {
        const f = takeFailure("meta", me, "/status");
        record(200);
        return send(res, 200, { status_code: f?.mode === "in_progress" ? "IN_PROGRESS" : "FINISHED", id: status[1] });
      }
      const mediaMetrics = /^\/(ig-media-\d+)$/.exec(sub);
      if (mediaMetrics) {
        record(200);
        return send(res, 200, { like_count: 21, comments_count: 5, id: mediaMetrics[1] });
      }
    }

    if (platform === "meta") {
      const params = { ...query, ...form };
      const feed = /^\/(page-[^/]+)\/(feed|photos)$/.exec(sub);
      // An unpublished photo: kept for a feed post to attach, shown nowhere.
      if (feed?.[2] === "photos" && method === "POST" && params.published === "false") {
        if (await failed(() => undefined)) return;
        if (!params.url) {
          record(400);
          return send(res, 400, { error: { message: "A photo needs a url", type: "OAuthException", code: 100 } });
        }
        const id = `photo-${++counter}`;
        unpublishedPhotos.set(id, { user: me, page: feed[1] ?? "", url: params.url });
        record(200);
        return send(res, 200, { id });
      }
      if (feed && method === "POST") {
        const attached = Object.entries(params)
          .filter(([key]) => /^attached_media\[\d+\]$/.test(key))
          .map(([, value]) => (JSON.parse(value) as { media_fbid?: string }).media_fbid ?? "");
        const photos = attached.map((id) => unpublishedPhotos.get(id));
        if (photos.some((p) => p?.user !== me || p.page !== feed[1])) {
          record(400);
          return send(res, 400, { error: { message: "Invalid attached_media", type: "OAuthException", code: 100 } });
        }
        const make = () => {
          const id = `${feed[1]}_${++counter}`;
          published.push({
            platform,
            user: me,
            id,
            text: params.message ?? params.caption ?? "",
            media: params.url ? [params.url] : photos.map((p) => p?.url ?? ""),
          });
          return id;
        };
        if (await failed(make)) return;
        const id = make();
        record(200);
        return send(res, 200, feed[2] === "photos" ? { id: `photo-${counter}`, post_id: id } : { id });
      }
      const pagePost = /^\/(page-[^/]+_\d+)$/.exec(sub);
      if (pagePost) {
        record(200);
        return send(res, 200, {
          id: pagePost[1],
          reactions: { summary: { total_count: 9 } },
          comments: { summary: { total_count: 3 } },
          shares: { count: 2 },
        });
      }
    }

    if (platform === "tiktok") {
      const ok = (data: unknown) => send(res, 200, { data, error: { code: "ok", message: "" } });
      if (sub === "/v2/user/info/") {
        record(200);
        return ok({
          user: {
            open_id: `tt-${me}`,
            username: me,
            display_name: `TikTok ${me}`,
            avatar_url: "https://p16.example/a.jpg",
          },
        });
      }
      if (sub === "/v2/post/publish/video/init/" && method === "POST") {
        const body = JSON.parse(text || "{}") as {
          post_info?: { title?: string };
          source_info?: { video_url?: string };
        };
        const make = () => {
          const id = `v_pub_url~${++counter}`;
          published.push({
            platform,
            user: me,
            id,
            text: body.post_info?.title ?? "",
            media: [body.source_info?.video_url ?? ""],
          });
          return id;
        };
        if (await failed(make)) return;
        const id = make();
        record(200);
        return ok({ publish_id: id });
      }
      if (sub === "/v2/post/publish/status/fetch/" && method === "POST") {
        const { publish_id } = JSON.parse(text || "{}") as { publish_id?: string };
        const f = takeFailure("tiktok", me, "/status");
        if (f?.mode === "rate_limit") {
          record(429);
          return send(
            res,
            429,
            { data: {}, error: { code: "rate_limit_exceeded", message: "Too many requests" } },
            { "retry-after": String(f.reset_seconds ?? 60) },
          );
        }
        record(200);
        if (f?.mode === "in_progress") return ok({ status: "PROCESSING_DOWNLOAD" });
        if (f?.mode === "bad_request")
          return ok({ status: "FAILED", fail_reason: f.reason ?? "file_format_check_failed" });
        return ok({
          status: "PUBLISH_COMPLETE",
          publicaly_available_post_id: [Number(String(publish_id).split("~")[1]) + 7_300_000_000],
        });
      }
      if (sub.startsWith("/v2/video/query/")) {
        record(200);
        return ok({ videos: [{ like_count: 40, comment_count: 6, share_count: 2, view_count: 900 }] });
      }
    }

    if (platform === "youtube") {
      if (sub === "/youtube/v3/channels") {
        record(200);
        return send(res, 200, {
          items: [
            {
              id: `UC${me}`,
              snippet: {
                title: `Channel ${me}`,
                customUrl: `@${me}`,
                thumbnails: { default: { url: "https://yt3.example/c.jpg" } },
              },
            },
          ],
        });
      }
      if (sub === "/upload/youtube/v3/videos" && method === "POST") {
        if (await failed(() => undefined)) return;
        const meta = JSON.parse(text || "{}") as { snippet?: { description?: string } };
        const session = `s${++counter}`;
        sessions.set(session, { user: me, description: meta.snippet?.description ?? "" });
        record(200);
        res.writeHead(200, { Location: `http://${req.headers.host}/youtube/upload/session/${session}` });
        return res.end();
      }
      const upload = /^\/upload\/session\/(s\d+)$/.exec(sub);
      if (upload && method === "PUT") {
        const session = sessions.get(upload[1] ?? "");
        const make = () => {
          const id = `yt${++counter}`;
          published.push({ platform, user: me, id, text: session?.description ?? "", media: [`${raw.length} bytes`] });
          return id;
        };
        if (await failed(make)) return;
        if (!session || raw.length === 0) {
          record(400);
          return send(res, 400, { error: { message: "No upload session or empty body" } });
        }
        const id = make();
        record(200);
        return send(res, 200, { id, kind: "youtube#video" });
      }
      if (sub === "/youtube/v3/videos") {
        record(200);
        return send(res, 200, { items: [{ statistics: { viewCount: "120", likeCount: "12", commentCount: "1" } }] });
      }
    }

    record(404);
    return send(res, 404, { error: "not_found", path: sub });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => send(res, 500, { error: "fake_social_crashed", detail: String(err) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
