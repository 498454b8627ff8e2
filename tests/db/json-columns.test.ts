import { env } from "cloudflare:test";
import { describe } from "vitest";
import { connectD1 } from "../../db/connect-d1";
import { jsonColumnsSuite } from "./json-columns-suite";

describe("JSON columns on D1", () => jsonColumnsSuite(() => connectD1(env.DB)));
