import { useSearchParams } from "@solidjs/router";

/** One query parameter as a string: `?a=1&a=2` keeps the first, a missing one is undefined. */
export function useSearchParam(name: string): () => string | undefined {
  const [params] = useSearchParams();
  return () => {
    const value = params[name];
    return Array.isArray(value) ? value[0] : value;
  };
}
