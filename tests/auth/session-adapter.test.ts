import { env } from "cloudflare:test";
import { describe } from "vitest";
import { connectD1 } from "../../db/connect-d1";
import { sessionAdapterSuite } from "./session-adapter-suite";

describe("the sessions adapter on D1", () => sessionAdapterSuite(() => connectD1(env.DB)));
