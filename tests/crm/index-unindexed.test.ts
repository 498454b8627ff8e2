import { env } from "cloudflare:test";
import { describe } from "vitest";
import { connectD1 } from "../../db/connect-d1";
import { indexUnindexedSuite } from "./index-unindexed-suite";

describe("indexing imported contacts on D1", () => indexUnindexedSuite(() => connectD1(env.DB)));
