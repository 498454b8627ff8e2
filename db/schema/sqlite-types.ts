// SQLite has no TIMESTAMP or DECIMAL. These column types keep the values in the
// shapes MySQL gives back, so the same query code sees the same data on both.
import { customType } from "drizzle-orm/sqlite-core";

/** UTC text in CURRENT_TIMESTAMP's own format ('YYYY-MM-DD HH:MM:SS'), so defaults and written values sort together. */
export const sqliteTimestamp = customType<{ data: Date; driverData: string }>({
  dataType: () => "text",
  toDriver: (value) => value.toISOString().slice(0, 19).replace("T", " "),
  fromDriver: (value) => new Date(`${value.replace(" ", "T")}Z`),
});

/** Numeric affinity keeps sorting and sums right; values come back as fixed-point strings as MySQL's DECIMAL does. */
export const sqliteDecimal = (scale: number) =>
  customType<{ data: string; driverData: number | string }>({
    dataType: () => "numeric",
    toDriver: (value) => value,
    fromDriver: (value) => Number(value).toFixed(scale),
  });
