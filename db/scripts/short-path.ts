import { relative } from "node:path";

/** A path as a person reads it in a message: relative to the working directory when inside it, absolute otherwise. */
export function shortPath(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere && !fromHere.startsWith("..") ? fromHere : path;
}
