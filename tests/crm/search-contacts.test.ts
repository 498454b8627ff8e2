import { env } from "cloudflare:test";
import { connectD1 } from "../../db/connect-d1";
import { searchSuite } from "./search-suite";

searchSuite(() => connectD1(env.DB));
