import type { Database } from "../../../db/database";

export type AccountRow = Database["t"]["socialMediaAccounts"]["$inferSelect"];
export type PostRow = Database["t"]["socialMediaPosts"]["$inferSelect"];
