import { env } from "cloudflare:test";
import { connectD1 } from "../../db/connect-d1";
import { writeManySuite } from "./write-many-suite";

writeManySuite(() => connectD1(env.DB));
