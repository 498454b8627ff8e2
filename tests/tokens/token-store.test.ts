import { env } from "cloudflare:test";
import { describe } from "vitest";
import { connectD1 } from "../../db/connect-d1";
import { tokenStoreSuite } from "./token-store-suite";

describe("personal access tokens on D1", () => tokenStoreSuite(() => connectD1(env.DB)));
