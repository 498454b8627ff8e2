import { Route, Router } from "@solidjs/router";
import { createEffect } from "solid-js";
import { ActivityPage } from "./features/activity/activity-page";
import { applyTheme, rememberedTheme } from "./features/auth/apply-theme";
import { ForgotPasswordPage } from "./features/auth/forgot-password-page";
import { LoginPage } from "./features/auth/login-page";
import { ProfilePage } from "./features/auth/profile-page";
import { readPreferences } from "./features/auth/read-preferences";
import { ResetPasswordPage } from "./features/auth/reset-password-page";
import { refresh, session } from "./features/auth/session-store";
import { SessionsPage } from "./features/auth/sessions-page";
import { SignupPage } from "./features/auth/signup-page";
import { VerifyEmailPage } from "./features/auth/verify-email-page";
import { BioPage } from "./features/bio/bio-page";
import { CoursesPage } from "./features/courses/courses-page";
import { ContactPage } from "./features/crm/contact-page";
import { CrmPage } from "./features/crm/crm-page";
import { ImportPage } from "./features/crm/import-page";
import { DashboardPage } from "./features/dashboard/dashboard-page";
import { DevOutboxPage } from "./features/dev-outbox/dev-outbox-page";
import { DocPlaygroundPage } from "./features/docs/doc-playground-page";
import { EmailPage } from "./features/email/email-page";
import { InvitationPage } from "./features/invitations/invitation-page";
import { JoinPage } from "./features/invitations/join-page";
import { MembersPage } from "./features/members/members-page";
import { NotFoundPage } from "./features/not-found/not-found-page";
import { SettingsPage } from "./features/settings/settings-page";
import { SocialPage } from "./features/social/social-page";
import { StorePage } from "./features/store/store-page";
import { TokensPage } from "./features/tokens/tokens-page";
import { HomeRedirect } from "./features/workspaces/home-redirect";
import { NewWorkspacePage } from "./features/workspaces/new-workspace-page";
import { WorkspaceScope } from "./features/workspaces/workspace-scope";
import { WorkspaceSettingsPage } from "./features/workspaces/workspace-settings-page";
import { AppLayout } from "./layout/app-layout";
import { PublicLayout } from "./layout/public-layout";

/** Every client route, below /app (the worker answers any /app/* path with this shell). */
export function App() {
  // Who is signed in decides what every page shows, so ask once, before any page needs it.
  void refresh();
  // The person's own theme once known; until then, and when signed out, what this device showed last.
  createEffect(() => {
    const user = session.user;
    applyTheme(user ? readPreferences(user.preferences).theme : rememberedTheme());
  });

  return (
    <Router base="/app">
      {/* Pages anyone may open: signing in, links from emails, invitations, and the dev outbox. */}
      <Route component={PublicLayout}>
        <Route path="/login" component={LoginPage} />
        <Route path="/signup" component={SignupPage} />
        <Route path="/forgot-password" component={ForgotPasswordPage} />
        <Route path="/reset-password" component={ResetPasswordPage} />
        <Route path="/verify-email" component={VerifyEmailPage} />
        <Route path="/dev/outbox" component={DevOutboxPage} />
        {/* Links from invitation emails and invite links: signed out, they ask to sign in first. */}
        <Route path="/invitations/:token" component={InvitationPage} />
        <Route path="/join/:token" component={JoinPage} />
      </Route>
      {/* Everything else needs someone signed in (AppLayout sends anyone else to sign in). */}
      <Route component={AppLayout}>
        {/* /app/ opens the workspace used last on this device, or asks for a first one. */}
        <Route path="/" component={HomeRedirect} />
        <Route path="/workspaces/new" component={NewWorkspacePage} />
        <Route path="/w/:workspaceId" component={WorkspaceScope}>
          <Route path="/" component={DashboardPage} />
          <Route path="/bio" component={BioPage} />
          <Route path="/social" component={SocialPage} />
          <Route path="/email" component={EmailPage} />
          <Route path="/crm" component={CrmPage} />
          <Route path="/crm/contacts/:contactId" component={ContactPage} />
          <Route path="/crm/import/:jobId?" component={ImportPage} />
          <Route path="/courses" component={CoursesPage} />
          <Route path="/store" component={StorePage} />
          <Route path="/members" component={MembersPage} />
          <Route path="/activity" component={ActivityPage} />
          <Route path="/settings" component={WorkspaceSettingsPage} />
          <Route path="/dev/docs/:docName" component={DocPlaygroundPage} />
          <Route path="*404" component={NotFoundPage} />
        </Route>
        {/* The account's own pages, whichever workspace is open. */}
        <Route path="/settings" component={SettingsPage} />
        <Route path="/settings/profile" component={ProfilePage} />
        <Route path="/settings/sessions" component={SessionsPage} />
        <Route path="/settings/tokens" component={TokensPage} />
        <Route path="*404" component={NotFoundPage} />
      </Route>
    </Router>
  );
}
