import { A, useLocation } from "@solidjs/router";

/** For an invitation opened signed out: sign in or sign up, then come straight back here. */
export function SignInFirst(props: { what: string }) {
  const location = useLocation();
  const back = () => encodeURIComponent(`/app${location.pathname.replace(/^\/app(?=\/|$)/, "")}`);
  return (
    <div class="stack stack--tight" data-testid="sign-in-first">
      <p class="muted">Sign in, or create your Mewayz account, to {props.what}. You come back here afterwards.</p>
      <A href={`/login?redirect=${back()}`} class="button button--primary button--block">
        Sign in
      </A>
      <A href={`/signup?redirect=${back()}`} class="button button--block">
        Create an account
      </A>
    </div>
  );
}
