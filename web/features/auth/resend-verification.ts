import { api } from "../../lib/api-client";
import { ApiError } from "../../lib/api-error";
import { callApi } from "../../lib/call-api";
import { refresh } from "./session-store";

/**
 * POST /api/v1/auth/email/resend — mail a new confirmation link; resolves to the sentence
 * saying where it went. A 409 means the address was confirmed meanwhile (in another tab,
 * say): the user is reloaded so the banner goes away, and the error still says so.
 */
export async function resendVerification(): Promise<string> {
  try {
    const response = await callApi(() => api.v1.auth.email.resend.$post());
    return (await response.json()).message;
  } catch (failure) {
    if (ApiError.from(failure).code === "conflict") await refresh().catch(() => undefined);
    throw failure;
  }
}
