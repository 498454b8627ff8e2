import type { IconName } from "../../ui/icon";

export type SettingsSection = { path: string; label: string; icon: IconName; summary: string };

/** The account pages under Settings, in the order the settings page and its tabs list them. */
export const settingsSections: readonly SettingsSection[] = [
  {
    path: "/settings/profile",
    label: "Profile",
    icon: "user",
    summary: "Your name, picture, theme, time zone and email notifications.",
  },
  {
    path: "/settings/sessions",
    label: "Sessions",
    icon: "monitor",
    summary: "The browsers and devices signed in to your account.",
  },
  {
    path: "/settings/tokens",
    label: "API tokens",
    icon: "key",
    summary: "Personal access tokens for scripts and integrations.",
  },
];
