// css-tree's subpath entry points (parser, walker-free) carry no types of their own; they
// are the same functions @types/css-tree describes for the package root. The subpaths
// are used because the root pulls in the lexer's JSON data through createRequire.
declare module "css-tree/parser" {
  import type { parse } from "css-tree";

  const parser: typeof parse;
  export default parser;
}
