// The signed-in person, for every page: loaded once from GET /api/v1/auth/me, then kept
// in step by signing in and out, confirming the email and saving the profile.
import type { InferRequestType, InferResponseType } from "hono/client";
import { batch } from "solid-js";
import { createStore, reconcile, unwrap } from "solid-js/store";
import { api } from "../../lib/api-client";
import { ApiError } from "../../lib/api-error";
import { callApi, onUnauthorized } from "../../lib/call-api";

export type User = InferResponseType<typeof api.v1.auth.me.$get, 200>["user"];
export type ProfileChanges = InferRequestType<typeof api.v1.auth.me.$patch>["json"];
export type SignUpInput = InferRequestType<typeof api.v1.auth.signup.$post>["json"];

type SessionState = {
  /** loading until the first answer; error when the API could not say who this is. */
  status: "loading" | "ready" | "error";
  user: User | null;
  error: ApiError | null;
  /** Set when the person signed out here: the sign-in page then opens without a way back. */
  signedOutOnPurpose: boolean;
};

const [state, setState] = createStore<SessionState>({
  status: "loading",
  user: null,
  error: null,
  signedOutOnPurpose: false,
});

/** Read-only view of the session; change it through the functions below. */
export const session: Readonly<SessionState> = state;

const signedIn = (user: User) =>
  batch(() => {
    // reconcile keeps unchanged fields as they were, so only what changed redraws.
    setState("user", reconcile(user));
    setState({ status: "ready", error: null, signedOutOnPurpose: false });
  });

/** Replaces the signed-in user with a fresher copy the API sent (after confirming the email, say). */
export function setUser(user: User): void {
  if (state.user?.id === user.id) signedIn(user);
}

// A 401 from any call while someone is signed in means their session is gone: forget
// them, and RequireUser sends them to sign in, then back to the page they were on.
onUnauthorized(() => {
  if (state.user) setState({ user: null, signedOutOnPurpose: false });
});

/** Asks the API who is signed in. A 401 means nobody, which is an answer, not a failure. */
export async function refresh(): Promise<void> {
  try {
    const response = await callApi(() => api.v1.auth.me.$get());
    signedIn((await response.json()).user);
  } catch (failure) {
    const error = ApiError.from(failure);
    if (error.status === 401) setState({ status: "ready", user: null, error: null });
    // Keep whoever was signed in on a passing outage; only the first load has nothing to show.
    else if (state.status === "loading" || state.status === "error") setState({ status: "error", error });
    else throw error;
  }
}

export async function signIn(email: string, password: string): Promise<void> {
  const response = await callApi(() => api.v1.auth.login.$post({ json: { email, password } }));
  signedIn((await response.json()).user);
}

export async function signUp(input: SignUpInput): Promise<void> {
  const response = await callApi(() => api.v1.auth.signup.$post({ json: input }));
  signedIn((await response.json()).user);
}

const signedOut = () => setState({ status: "ready", user: null, error: null, signedOutOnPurpose: true });

/** Ends this browser's session. A 401 means it had already ended, which is what was asked. */
export async function signOut(): Promise<void> {
  try {
    await callApi(() => api.v1.auth.logout.$post());
  } catch (failure) {
    if (ApiError.from(failure).status !== 401) throw failure;
  }
  signedOut();
}

/** Ends every session of this person, this one included. */
export async function signOutEverywhere(): Promise<void> {
  await callApi(() => api.v1.auth["logout-all"].$post());
  signedOut();
}

/** Forgets the user after the API ended every session itself (a password reset). */
export function forgetUser(): void {
  if (state.user) signedOut();
}

/**
 * Saves name, avatar or preferences. The change shows at once (the header, the theme) and
 * is rolled back if the API refuses it; the error is rethrown for the form to show.
 */
export async function updateProfile(changes: ProfileChanges): Promise<void> {
  const before = state.user;
  if (!before) throw new ApiError("unauthorized", "Sign in to continue.", 401);
  const snapshot = structuredClone(unwrap(before));
  setState("user", (user) =>
    user
      ? {
          ...user,
          ...(changes.name !== undefined && { name: changes.name }),
          ...(changes.avatar !== undefined && { avatar: changes.avatar }),
          ...(changes.preferences && { preferences: { ...user.preferences, ...changes.preferences } }),
        }
      : user,
  );
  try {
    const response = await callApi(() => api.v1.auth.me.$patch({ json: changes }));
    signedIn((await response.json()).user);
  } catch (failure) {
    setState("user", reconcile(snapshot));
    throw failure;
  }
}
