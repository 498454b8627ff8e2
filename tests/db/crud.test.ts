import { env } from "cloudflare:test";
import { connectD1 } from "../../db/connect-d1";
import { crudSuite } from "./crud-suite";

crudSuite(() => connectD1(env.DB));
