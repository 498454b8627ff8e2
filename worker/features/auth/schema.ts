import { z } from "@hono/zod-openapi";
import { httpsUrlField, localeField, timeZoneField } from "../../lib/fields";
import { COMMON_PASSWORDS } from "./common-passwords";

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(255, "Use at most 255 characters.")
  .email("Enter a valid email address.")
  .openapi({ example: "ada@example.com" });

/** OWASP ASVS 6.2.1/6.2.9: 8 to 128 characters, anything allowed, the well-known ones refused. */
export const newPasswordField = z
  .string()
  .min(8, "Use at least 8 characters.")
  .max(128, "Use at most 128 characters.")
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), "This password is too common. Choose another one.")
  .openapi({ example: "correct horse battery staple" });

/** A password being checked, not chosen: no rules beyond a sane length. */
export const passwordField = z.string().min(1, "Enter your password.").max(128);

export const nameField = z.string().trim().min(1, "Enter a name.").max(255, "Use at most 255 characters.");

export const PreferencesSchema = z
  .object({
    theme: z.enum(["light", "dark", "system"]),
    locale: localeField,
    timezone: timeZoneField,
    date_format: z.enum(["YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY"]),
    week_starts_on: z.enum(["monday", "sunday"]),
    email_notifications: z
      .object({ product_updates: z.boolean(), weekly_digest: z.boolean(), mentions: z.boolean() })
      .partial()
      .strict(),
  })
  .partial()
  .strict()
  .openapi("Preferences");

export const UserSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    email_verified_at: z.string().nullable(),
    avatar: z.string().nullable(),
    role: z.enum(["admin", "user"]),
    status: z.enum(["active", "inactive", "suspended"]),
    preferences: z.record(z.string(), z.unknown()),
    has_password: z.boolean(),
    google_connected: z.boolean(),
    created_at: z.string().nullable(),
    updated_at: z.string().nullable(),
  })
  .openapi("User");

export const UserEnvelope = z.object({ user: UserSchema });

export const SignupBody = z
  .object({ name: nameField, email: emailField, password: newPasswordField })
  .openapi("Signup");
export const LoginBody = z.object({ email: emailField, password: passwordField }).openapi("Login");
export const UpdateMeBody = z
  .object({
    name: nameField,
    avatar: httpsUrlField.nullable(),
    preferences: PreferencesSchema,
  })
  .partial()
  .strict()
  .openapi("UpdateMe");
export const ChangePasswordBody = z
  .object({ current_password: passwordField, new_password: newPasswordField })
  .openapi("ChangePassword");
export const ForgotPasswordBody = z.object({ email: emailField }).openapi("ForgotPassword");
export const TokenField = z
  .string()
  .min(20)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, "This link is not valid.");
export const ResetPasswordBody = z.object({ token: TokenField, password: newPasswordField }).openapi("ResetPassword");
export const VerifyEmailBody = z.object({ token: TokenField }).openapi("VerifyEmail");

export const SessionSchema = z
  .object({
    id: z.string(),
    ip_address: z.string().nullable(),
    user_agent: z.string().nullable(),
    last_active_at: z.string(),
    started_at: z.string(),
    expires_at: z.string(),
    current: z.boolean(),
  })
  .openapi("Session");
