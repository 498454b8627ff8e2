// JSON columns that always read back in the shape their type names. The app writes them
// through validated shapes, but an imported Mewayz database holds whatever the old
// platform wrote — text that is not JSON, a string where a list belongs — and one odd
// row must not fail a whole page. A value of another shape reads as its nearest safe
// equivalent: a lone string as a one-item list, anything else as an empty list or object.
import { customType as mysqlCustomType } from "drizzle-orm/mysql-core";
import { customType as sqliteCustomType } from "drizzle-orm/sqlite-core";
import type { JsonObject, StringList } from "./json-types";

type Shapes = { JsonObject: JsonObject; "JsonObject[]": JsonObject[]; StringList: StringList };
export type JsonShape = keyof Shapes;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const shapers: { [K in JsonShape]: (value: unknown) => Shapes[K] } = {
  JsonObject: (value) => (isObject(value) ? value : {}),
  "JsonObject[]": (value) => (Array.isArray(value) ? value.filter(isObject) : []),
  StringList: (value) =>
    Array.isArray(value)
      ? value.filter((item): item is string => typeof item === "string")
      : typeof value === "string"
        ? [value]
        : [],
};

/**
 * A stored value in the column's shape. Text is parsed first: SQLite and MariaDB hand
 * JSON back as text, MySQL's driver already parsed; text that is not JSON is a string.
 */
export function readJson<K extends JsonShape>(shape: K, stored: unknown): Shapes[K] {
  let value = stored;
  if (typeof stored === "string") {
    try {
      value = JSON.parse(stored);
    } catch {
      value = stored;
    }
  }
  return shapers[shape](value);
}

export const sqliteJson = <K extends JsonShape>(shape: K) =>
  sqliteCustomType<{ data: Shapes[K]; driverData: string }>({
    dataType: () => "text",
    toDriver: (value) => JSON.stringify(value),
    fromDriver: (value) => readJson(shape, value),
  });

export const mysqlJson = <K extends JsonShape>(shape: K) =>
  mysqlCustomType<{ data: Shapes[K]; driverData: string }>({
    dataType: () => "json",
    toDriver: (value) => JSON.stringify(value),
    fromDriver: (value) => readJson(shape, value),
  });
