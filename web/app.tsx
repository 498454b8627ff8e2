import { Route, Router } from "@solidjs/router";
import { BioPage } from "./features/bio/bio-page";
import { CoursesPage } from "./features/courses/courses-page";
import { CrmPage } from "./features/crm/crm-page";
import { DashboardPage } from "./features/dashboard/dashboard-page";
import { EmailPage } from "./features/email/email-page";
import { NotFoundPage } from "./features/not-found/not-found-page";
import { SettingsPage } from "./features/settings/settings-page";
import { SocialPage } from "./features/social/social-page";
import { StorePage } from "./features/store/store-page";
import { AppLayout } from "./layout/app-layout";

/** Every client route, below /app (the worker answers any /app/* path with this shell). */
export function App() {
  return (
    <Router base="/app" root={AppLayout}>
      <Route path="/" component={DashboardPage} />
      <Route path="/bio" component={BioPage} />
      <Route path="/social" component={SocialPage} />
      <Route path="/email" component={EmailPage} />
      <Route path="/crm" component={CrmPage} />
      <Route path="/courses" component={CoursesPage} />
      <Route path="/store" component={StorePage} />
      <Route path="/settings" component={SettingsPage} />
      <Route path="*404" component={NotFoundPage} />
    </Router>
  );
}
