// Shapes of the JSON columns as the database holds them. Features validate what
// goes in with zod; these types only tell the query layer what comes back out.

export type JsonObject = { [key: string]: unknown };
export type StringList = string[];
