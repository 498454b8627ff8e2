// What one isolate keeps between requests so a cached page costs no round trip:
//
// - each address's cache generation, asked of its BioCounter at most once a second
//   (GENERATION_TTL_MS) — an edit reaches every isolate within that second, and this
//   isolate (the one that saved it) at once;
// - views and clicks, buffered for at most BUFFER_MS and sent to the counter in one
//   call, instead of one call per visit.
//
// Losing an isolate loses at most BUFFER_MS of counts; the brief allows figures that
// are close to real time, not a database write per visit.
import type { Env } from "../../lib/env";
import { counterFor } from "./bio-sites";
import type { Visit } from "./visit";

export const GENERATION_TTL_MS = 1000;
export const BUFFER_MS = 1000;
const BUFFER_MAX = 200;

export type SiteState = { generation: number; known: boolean; pageId: string | null };
/** A view (linkId "") or click; `n` identical ones in a batch travel as one (1 when absent). */
export type Count = { pageId: string; linkId: string; visit: Visit; at: number; n?: number };

const states = new Map<string, SiteState & { fetchedAt: number }>();
/** Made-up addresses come and go by the thousand; the oldest answers make room. */
const STATES_MAX = 10_000;
function keep(site: string, state: SiteState & { fetchedAt: number }) {
  if (states.size >= STATES_MAX && !states.has(site)) {
    const oldest = states.keys().next().value;
    if (oldest !== undefined) states.delete(oldest);
  }
  states.set(site, state);
}
/** One question to the counter per address at a time: the visitors who arrive meanwhile wait for its answer. */
const asking = new Map<string, Promise<SiteState>>();
const buffers = new Map<string, Count[]>();

export function siteState(env: Env, site: string): Promise<SiteState> | SiteState {
  const now = Date.now();
  const held = states.get(site);
  if (held && now - held.fetchedAt < GENERATION_TTL_MS) return held;
  let answer = asking.get(site);
  if (!answer) {
    answer = counterFor(env, site)
      .state()
      .then((fresh) => {
        // An edit made here while the counter was asked has set a newer generation: keep that one.
        const current = states.get(site);
        if (!current || current.fetchedAt <= now) keep(site, { ...fresh, fetchedAt: now });
        return fresh;
      })
      .finally(() => {
        if (asking.get(site) === answer) asking.delete(site);
      });
    asking.set(site, answer);
  }
  return answer;
}

/** After a render: the page this isolate now knows the address shows (the counter is told too). */
export function learnPage(env: Env, site: string, state: SiteState, pageId: string | null): Promise<void> {
  const held = states.get(site);
  if (held && held.generation === state.generation) states.set(site, { ...held, known: true, pageId });
  return counterFor(env, site).learn(state.generation, pageId);
}

/** Forget what this isolate holds about an address whose page just changed. */
export function forgetSite(site: string): void {
  states.delete(site);
  // A question asked before the edit may bring the old generation: the next visitor asks again.
  asking.delete(site);
}

/** The generation an invalidation just made: this isolate's next visitor needs no round trip to learn it. */
export function holdGeneration(site: string, generation: number): void {
  keep(site, { generation, known: false, pageId: null, fetchedAt: Date.now() });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Identical counts of one batch (the same visitor, page, link, day and source) as one with their number. */
export function mergeCounts(counts: Count[]): Count[] {
  const merged = new Map<string, Count>();
  for (const count of counts) {
    const { ip, userAgent, referrer, country, device } = count.visit;
    const day = Math.floor(count.at / 86_400_000);
    const key = JSON.stringify([count.pageId, count.linkId, day, ip, userAgent, referrer, country, device]);
    const same = merged.get(key);
    if (same) same.n = (same.n ?? 1) + (count.n ?? 1);
    else merged.set(key, { ...count, n: count.n ?? 1 });
  }
  return [...merged.values()];
}

async function flushSite(env: Env, site: string): Promise<void> {
  const counts = buffers.get(site);
  if (!counts?.length) return;
  buffers.delete(site);
  try {
    // A reload, a visitor coming back: fewer, smaller calls, and the counter hashes each visitor once.
    await counterFor(env, site).countMany(mergeCounts(counts));
  } catch (err) {
    console.error(
      JSON.stringify({ level: "error", msg: "bio counts lost", site, n: counts.length, error: String(err) }),
    );
  }
}

/** Counts a view (linkId "") or click; the returned promise (for waitUntil) sends the batch it started. */
export function record(env: Env, site: string, count: Count): Promise<void> | null {
  const buffer = buffers.get(site);
  if (buffer) {
    buffer.push(count);
    return buffer.length >= BUFFER_MAX ? flushSite(env, site) : null;
  }
  buffers.set(site, [count]);
  return sleep(BUFFER_MS).then(() => flushSite(env, site));
}

/** Sends every buffered count of these addresses now (before reading analytics). */
export async function flushBuffered(env: Env, sites: string[]): Promise<void> {
  await Promise.all(sites.map((site) => flushSite(env, site)));
}
