// /api/v1/auth — sign-up, sign-in, sessions, profile, password and email flows.
import { createRoute, z } from "@hono/zod-openapi";
import { and, eq, ne } from "drizzle-orm";
import type { Context } from "hono";
import { uuidv7 } from "../../../db/uuidv7";
import { currentIdentity, requireUser, sessionsOf } from "../../lib/auth";
import type { AppEnv } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { createRouter } from "../../lib/factory";
import { type Mail, mailSenderFor } from "../../lib/mail/mail-sender";
import { body, errorResponses, json } from "../../lib/openapi";
import { clientIp, enforceRateLimits, resetRateLimit } from "../../lib/rate-limit";
import { endLiveSessions } from "../../lib/realtime";
import { passwordResetEmail, verificationEmail } from "./auth-emails";
import { findUserByEmail, findUserById } from "./find-user";
import { hashPassword, verifyPassword } from "./password";
import {
  ChangePasswordBody,
  ForgotPasswordBody,
  LoginBody,
  ResetPasswordBody,
  SessionSchema,
  SignupBody,
  UpdateMeBody,
  UserEnvelope,
  VerifyEmailBody,
} from "./schema";
import { toUserJson } from "./to-user-json";
import { consumeUserToken, findUserToken, issueUserToken, tokenStillExists } from "./user-tokens";

const noContent = { 204: { description: "Done" } };
const tags = ["Auth"];

const client = (c: Context<AppEnv>) => ({
  ip: c.req.header("CF-Connecting-IP") ?? null,
  userAgent: c.req.header("User-Agent") ?? null,
});
const appUrl = (c: Context<AppEnv>, path: string) => new URL(path, c.req.url).toString();

async function sendMail(c: Context<AppEnv>, mail: Mail) {
  try {
    await mailSenderFor(c.env, c.var.db).send(mail);
  } catch (err) {
    // The account change stands; the person can ask for the mail again.
    console.error(JSON.stringify({ level: "error", msg: "mail not sent", subject: mail.subject, error: String(err) }));
  }
}

async function startSession(c: Context<AppEnv>, userId: string) {
  const { cookie } = await sessionsOf(c).create(userId, client(c));
  c.header("Set-Cookie", cookie, { append: true });
}

async function currentUserRow(c: Context<AppEnv>) {
  const row = await findUserById(c.var.db, currentIdentity(c).user.id);
  if (!row) throw new AppError("unauthorized", "Sign in to continue.");
  return row;
}

export const authRoutes = createRouter()
  // GET /api/v1/auth/providers — which ways of signing in this deployment offers
  .openapi(
    createRoute({
      method: "get",
      path: "/providers",
      tags,
      summary: "Sign-in methods available here",
      responses: { 200: json(z.object({ password: z.boolean(), google: z.boolean() }), "Available methods") },
    }),
    (c) => c.json({ password: true, google: Boolean(c.env.GOOGLE_CLIENT_ID && c.env.GOOGLE_CLIENT_SECRET) }, 200),
  )
  // POST /api/v1/auth/signup — create an account and sign in
  .openapi(
    createRoute({
      method: "post",
      path: "/signup",
      tags,
      summary: "Create an account",
      request: body(SignupBody),
      responses: {
        201: json(UserEnvelope, "Signed up and signed in; a confirmation email is on its way"),
        ...errorResponses("invalid_json", "conflict", "validation_failed", "rate_limited"),
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      await enforceRateLimits(c, [
        { key: `signup:ip:${clientIp(c)}`, limit: 10, windowSeconds: 3600 },
        { key: `signup:email:${input.email}`, limit: 5, windowSeconds: 3600 },
      ]);
      const db = c.var.db;
      if (await findUserByEmail(db, input.email)) {
        throw new AppError("conflict", "An account with this email already exists. Sign in or reset your password.", {
          path: "email",
        });
      }
      const id = uuidv7();
      const verification = await issueUserToken(db, id, input.email, "email_verification");
      const password = await hashPassword(input.password);
      try {
        await db.atomic((q) => [
          q.insert(db.t.users).values({ id, name: input.name, email: input.email, password }),
          ...verification.statements(q),
        ]);
      } catch (err) {
        // Two sign-ups raced for the same email: the unique index kept one.
        if (await findUserByEmail(db, input.email)) {
          throw new AppError("conflict", "An account with this email already exists. Sign in or reset your password.");
        }
        throw err;
      }
      await sendMail(
        c,
        verificationEmail(input.email, input.name, appUrl(c, `/app/verify-email?token=${verification.token}`)),
      );
      await startSession(c, id);
      const user = await findUserById(db, id);
      return c.json({ user: toUserJson(user!) }, 201);
    },
  )
  // POST /api/v1/auth/login — sign in with email and password
  .openapi(
    createRoute({
      method: "post",
      path: "/login",
      tags,
      summary: "Sign in with email and password",
      request: body(LoginBody),
      responses: {
        200: json(UserEnvelope, "Signed in"),
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "validation_failed", "rate_limited"),
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid("json");
      const accountKey = `login:email:${email}`;
      await enforceRateLimits(c, [
        { key: `login:ip:${clientIp(c)}`, limit: 30, windowSeconds: 900 },
        { key: accountKey, limit: 10, windowSeconds: 900 },
      ]);
      const db = c.var.db;
      const user = await findUserByEmail(db, email);
      // Unknown emails still pay for a hash, so both failures look and take alike.
      const check = await verifyPassword(password, user?.password ?? null);
      if (!user || !check.ok) throw new AppError("unauthorized", "The email or password is incorrect.");
      if (user.status !== "active") {
        throw new AppError("forbidden", "This account is not active. Contact support to restore it.", {
          status: user.status,
        });
      }
      if (check.rehash) {
        const upgraded = await hashPassword(password);
        await db.atomic((q) => [q.update(db.t.users).set({ password: upgraded }).where(eq(db.t.users.id, user.id))]);
      }
      await resetRateLimit(c, accountKey);
      await startSession(c, user.id);
      return c.json({ user: toUserJson(user) }, 200);
    },
  )
  // POST /api/v1/auth/logout — end this browser session
  .openapi(
    createRoute({
      method: "post",
      path: "/logout",
      tags,
      summary: "Sign out of this session",
      middleware: [requireUser()] as const,
      responses: { ...noContent, ...errorResponses("unauthorized") },
    }),
    async (c) => {
      const identity = currentIdentity(c);
      const sessions = sessionsOf(c);
      if (identity.kind === "session") {
        await sessions.invalidate(identity.sessionId);
        await endLiveSessions(c.env, c.var.db, identity.user.id, [identity.sessionId]);
      }
      c.header("Set-Cookie", sessions.blankCookie(), { append: true });
      return c.body(null, 204);
    },
  )
  // POST /api/v1/auth/logout-all — end every session of mine, everywhere
  .openapi(
    createRoute({
      method: "post",
      path: "/logout-all",
      tags,
      summary: "Sign out everywhere",
      middleware: [requireUser("account:write")] as const,
      responses: { ...noContent, ...errorResponses("unauthorized", "forbidden") },
    }),
    async (c) => {
      const sessions = sessionsOf(c);
      const userId = currentIdentity(c).user.id;
      const ended = (await sessions.list(userId)).map((s) => s.id);
      await sessions.invalidateAll(userId);
      await endLiveSessions(c.env, c.var.db, userId, ended);
      c.header("Set-Cookie", sessions.blankCookie(), { append: true });
      return c.body(null, 204);
    },
  )
  // GET /api/v1/auth/me — who am I
  .openapi(
    createRoute({
      method: "get",
      path: "/me",
      tags,
      summary: "The signed-in user",
      middleware: [requireUser("account:read")] as const,
      responses: { 200: json(UserEnvelope, "The signed-in user"), ...errorResponses("unauthorized", "forbidden") },
    }),
    async (c) => c.json({ user: toUserJson(await currentUserRow(c)) }, 200),
  )
  // PATCH /api/v1/auth/me — change name, avatar or preferences
  .openapi(
    createRoute({
      method: "patch",
      path: "/me",
      tags,
      summary: "Update my profile and preferences",
      middleware: [requireUser("account:write")] as const,
      request: body(UpdateMeBody),
      responses: {
        200: json(UserEnvelope, "The updated user"),
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "validation_failed"),
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const db = c.var.db;
      const before = await currentUserRow(c);
      const preferences = input.preferences ? { ...(before.preferences ?? {}), ...input.preferences } : undefined;
      const changes = {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.avatar !== undefined && { avatar: input.avatar }),
        ...(preferences && { preferences }),
      };
      if (Object.keys(changes).length > 0) {
        await db.atomic((q) => [q.update(db.t.users).set(changes).where(eq(db.t.users.id, before.id))]);
      }
      return c.json({ user: toUserJson((await findUserById(db, before.id))!) }, 200);
    },
  )
  // POST /api/v1/auth/password — change my password; other sessions end
  .openapi(
    createRoute({
      method: "post",
      path: "/password",
      tags,
      summary: "Change my password (signs out every other session)",
      middleware: [requireUser("account:write")] as const,
      request: body(ChangePasswordBody),
      responses: {
        ...noContent,
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "validation_failed", "rate_limited"),
      },
    }),
    async (c) => {
      const { current_password, new_password } = c.req.valid("json");
      const identity = currentIdentity(c);
      await enforceRateLimits(c, [{ key: `password:user:${identity.user.id}`, limit: 10, windowSeconds: 900 }]);
      const db = c.var.db;
      const user = await currentUserRow(c);
      if (!(await verifyPassword(current_password, user.password)).ok) {
        throw new AppError("validation_failed", "Some fields are missing or invalid.", [
          { path: "current_password", message: "The current password is incorrect.", code: "custom" },
        ]);
      }
      const password = await hashPassword(new_password);
      const { sessions } = db.t;
      const keep = identity.kind === "session" ? identity.sessionId : "";
      const ended = (await sessionsOf(c).list(user.id)).map((s) => s.id).filter((id) => id !== keep);
      await db.atomic((q) => [
        q.update(db.t.users).set({ password }).where(eq(db.t.users.id, user.id)),
        q.delete(sessions).where(and(eq(sessions.user_id, user.id), ne(sessions.id, keep))),
      ]);
      await endLiveSessions(c.env, db, user.id, ended);
      return c.body(null, 204);
    },
  )
  // GET /api/v1/auth/sessions — my signed-in browsers
  .openapi(
    createRoute({
      method: "get",
      path: "/sessions",
      tags,
      summary: "My active sessions",
      middleware: [requireUser("account:read")] as const,
      responses: {
        200: json(z.object({ data: z.array(SessionSchema), next_cursor: z.null() }), "Sessions, newest activity first"),
        ...errorResponses("unauthorized", "forbidden"),
      },
    }),
    async (c) => {
      const identity = currentIdentity(c);
      const list = await sessionsOf(c).list(identity.user.id);
      const data = list
        .sort((a, b) => b.last_activity - a.last_activity)
        .map((s) => ({
          id: s.id,
          ip_address: s.ip_address,
          user_agent: s.user_agent,
          last_active_at: new Date(s.last_activity * 1000).toISOString(),
          started_at: new Date(s.started_at).toISOString(),
          expires_at: s.expiresAt.toISOString(),
          current: identity.kind === "session" && identity.sessionId === s.id,
        }));
      return c.json({ data, next_cursor: null }, 200);
    },
  )
  // DELETE /api/v1/auth/sessions/:sessionId — sign one of my sessions out
  .openapi(
    createRoute({
      method: "delete",
      path: "/sessions/{sessionId}",
      tags,
      summary: "Revoke one of my sessions",
      middleware: [requireUser("account:write")] as const,
      request: { params: z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/, "Unknown session.") }) },
      responses: { ...noContent, ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed") },
    }),
    async (c) => {
      const { sessionId } = c.req.valid("param");
      const db = c.var.db;
      const { sessions } = db.t;
      const [result] = await db.atomic((q) => [
        q.delete(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.user_id, currentIdentity(c).user.id))),
      ]);
      if (!result?.rowsAffected) throw new AppError("not_found", "No such session.");
      await endLiveSessions(c.env, db, currentIdentity(c).user.id, [sessionId]);
      return c.body(null, 204);
    },
  )
  // POST /api/v1/auth/password/forgot — mail a reset link (same answer whether the email is known or not)
  .openapi(
    createRoute({
      method: "post",
      path: "/password/forgot",
      tags,
      summary: "Ask for a password reset link",
      request: body(ForgotPasswordBody),
      responses: {
        202: json(z.object({ message: z.string() }), "If the account exists, a link is on its way"),
        ...errorResponses("invalid_json", "validation_failed", "rate_limited"),
      },
    }),
    async (c) => {
      const { email } = c.req.valid("json");
      await enforceRateLimits(c, [
        { key: `forgot:ip:${clientIp(c)}`, limit: 10, windowSeconds: 3600 },
        { key: `forgot:email:${email}`, limit: 3, windowSeconds: 3600 },
      ]);
      const db = c.var.db;
      // The lookup and the mail happen after the answer, so a known and an unknown email answer alike.
      c.executionCtx.waitUntil(
        (async () => {
          const user = await findUserByEmail(db, email);
          if (user?.status !== "active") return;
          const reset = await issueUserToken(db, user.id, email, "password_reset");
          await db.atomic((q) => reset.statements(q));
          await sendMail(
            c,
            passwordResetEmail(email, user.name, appUrl(c, `/app/reset-password?token=${reset.token}`)),
          );
        })().catch((err) =>
          console.error(JSON.stringify({ level: "error", msg: "reset mail failed", error: String(err) })),
        ),
      );
      return c.json({ message: "If an account uses this email, a reset link is on its way." }, 202);
    },
  )
  // POST /api/v1/auth/password/reset — choose a new password with a mailed link; every session ends
  .openapi(
    createRoute({
      method: "post",
      path: "/password/reset",
      tags,
      summary: "Set a new password with a reset link",
      request: body(ResetPasswordBody),
      responses: {
        ...noContent,
        ...errorResponses("invalid_json", "bad_request", "validation_failed", "rate_limited"),
      },
    }),
    async (c) => {
      const { token, password } = c.req.valid("json");
      await enforceRateLimits(c, [{ key: `reset:ip:${clientIp(c)}`, limit: 20, windowSeconds: 3600 }]);
      const db = c.var.db;
      const row = await findUserToken(db, token, "password_reset");
      if (!row)
        throw new AppError("bad_request", "This reset link is invalid, expired or already used. Ask for a new one.");
      const hash = await hashPassword(password);
      const { users, sessions } = db.t;
      const ended = (await sessionsOf(c).list(row.user_id)).map((s) => s.id);
      const results = await db.atomic((q) => [
        q
          .update(users)
          .set({ password: hash })
          .where(and(eq(users.id, row.user_id), tokenStillExists(db, row.id))),
        q.delete(sessions).where(and(eq(sessions.user_id, row.user_id), tokenStillExists(db, row.id))),
        consumeUserToken(db, q, row.id),
      ]);
      if (!results[2]?.rowsAffected) {
        throw new AppError("bad_request", "This reset link is invalid, expired or already used. Ask for a new one.");
      }
      await endLiveSessions(c.env, db, row.user_id, ended);
      c.header("Set-Cookie", sessionsOf(c).blankCookie(), { append: true });
      return c.body(null, 204);
    },
  )
  // POST /api/v1/auth/email/verify — confirm an email address with a mailed link
  .openapi(
    createRoute({
      method: "post",
      path: "/email/verify",
      tags,
      summary: "Confirm my email address",
      request: body(VerifyEmailBody),
      responses: {
        200: json(UserEnvelope, "The email is confirmed"),
        ...errorResponses("invalid_json", "bad_request", "validation_failed"),
      },
    }),
    async (c) => {
      const { token } = c.req.valid("json");
      const db = c.var.db;
      const row = await findUserToken(db, token, "email_verification");
      if (!row) throw new AppError("bad_request", "This confirmation link is invalid, expired or already used.");
      const { users } = db.t;
      const results = await db.atomic((q) => [
        // Only the address the link was sent to is confirmed, in case the email changed since.
        q
          .update(users)
          .set({ email_verified_at: new Date() })
          .where(and(eq(users.id, row.user_id), eq(users.email, row.email), tokenStillExists(db, row.id))),
        consumeUserToken(db, q, row.id),
      ]);
      if (!results[1]?.rowsAffected) {
        throw new AppError("bad_request", "This confirmation link is invalid, expired or already used.");
      }
      return c.json({ user: toUserJson((await findUserById(db, row.user_id))!) }, 200);
    },
  )
  // POST /api/v1/auth/email/resend — send the confirmation link again
  .openapi(
    createRoute({
      method: "post",
      path: "/email/resend",
      tags,
      summary: "Send the email confirmation link again",
      middleware: [requireUser("account:write")] as const,
      responses: {
        202: json(z.object({ message: z.string() }), "A new link is on its way"),
        ...errorResponses("unauthorized", "forbidden", "conflict", "rate_limited"),
      },
    }),
    async (c) => {
      const user = await currentUserRow(c);
      await enforceRateLimits(c, [
        { key: `resend:ip:${clientIp(c)}`, limit: 10, windowSeconds: 3600 },
        { key: `resend:user:${user.id}`, limit: 3, windowSeconds: 3600 },
      ]);
      if (user.email_verified_at) throw new AppError("conflict", "This email address is already confirmed.");
      const db = c.var.db;
      const verification = await issueUserToken(db, user.id, user.email, "email_verification");
      await db.atomic((q) => verification.statements(q));
      await sendMail(
        c,
        verificationEmail(user.email, user.name, appUrl(c, `/app/verify-email?token=${verification.token}`)),
      );
      return c.json({ message: `A new confirmation link was sent to ${user.email}.` }, 202);
    },
  );
