import { env } from "cloudflare:test";
import { describe } from "vitest";
import { connectD1 } from "../../db/connect-d1";
import { insertsWhileSuite } from "./inserts-while-suite";

describe("guarded inserts on D1", () => insertsWhileSuite(() => connectD1(env.DB)));
