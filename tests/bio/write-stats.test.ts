import { database } from "./bio-helpers";
import { writeStatsSuite } from "./write-stats-suite";

writeStatsSuite(database);
