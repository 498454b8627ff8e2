// Two workspaces with their members, as the old platform's WorkspaceSeeder made them.
// The demo owner runs one and helps out in the other, and between them every role
// appears, so permission screens have something to show.
import type { Tables } from "../database";
import { uuidv7 } from "../uuidv7";
import { addDays } from "./add-days";
import type { DemoUsers } from "./demo-users";

type NewWorkspace = Tables["workspaces"]["$inferInsert"] & { id: string };
type NewMember = Tables["workspaceMembers"]["$inferInsert"];
type Role = NonNullable<NewMember["role"]>;

export type DemoWorkspaces = {
  workspaces: { studio: NewWorkspace; coaching: NewWorkspace };
  members: NewMember[];
};

export function demoWorkspaces(users: DemoUsers, now: Date): DemoWorkspaces {
  const studio: NewWorkspace = {
    id: uuidv7(),
    name: "Northwind Creative Studio",
    slug: "northwind-studio",
    description:
      "Maya Chen's content studio: photography, short-form video and brand storytelling for small businesses.",
    branding: { primary_color: "#4F46E5", accent_color: "#F59E0B", font: "Inter" },
    status: "active",
    owner_id: users.owner.id,
    settings: { timezone: "America/New_York", currency: "USD", language: "en", week_starts_on: "monday" },
  };
  const coaching: NewWorkspace = {
    id: uuidv7(),
    name: "Sofía Martínez Coaching",
    slug: "sofia-martinez-coaching",
    description: "Online fitness coaching, programs and a weekly newsletter for busy professionals.",
    branding: { primary_color: "#059669", accent_color: "#F43F5E", font: "Poppins" },
    status: "active",
    owner_id: users.sofia.id,
    settings: { timezone: "Europe/Madrid", currency: "EUR", language: "en", week_starts_on: "monday" },
  };

  // [workspace, user, role, days ago they joined]; an owner was never invited, so no invited_at.
  const memberships: [NewWorkspace, keyof DemoUsers, Role, number][] = [
    [studio, "owner", "owner", 90],
    [studio, "daniel", "admin", 75],
    [studio, "sofia", "editor", 60],
    [studio, "priya", "contributor", 34],
    [studio, "liam", "viewer", 12],
    [coaching, "sofia", "owner", 70],
    [coaching, "owner", "admin", 52],
    [coaching, "priya", "editor", 40],
    [coaching, "liam", "contributor", 21],
    [coaching, "daniel", "viewer", 9],
  ];
  const members = memberships.map(
    ([workspace, user, role, joinedDaysAgo]): NewMember => ({
      id: uuidv7(),
      workspace_id: workspace.id,
      user_id: users[user].id,
      role,
      status: "active",
      invited_at: role === "owner" ? null : addDays(now, -joinedDaysAgo - 2),
      joined_at: addDays(now, -joinedDaysAgo),
    }),
  );

  return { workspaces: { studio, coaching }, members };
}
