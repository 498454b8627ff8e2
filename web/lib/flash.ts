import { createSignal } from "solid-js";
import type { NoticeTone } from "../ui/notice";

export type Flash = { id: number; tone: NoticeTone; message: string; at: number };

const [current, setCurrent] = createSignal<Flash | null>(null);
let next = 1;

/**
 * A message that outlives a navigation: "You left Northwind", said on the page the person
 * lands on. The app shell shows the latest one above the page until it is dismissed.
 */
export const flash = {
  show(message: string, tone: NoticeTone = "info"): void {
    setCurrent({ id: next++, tone, message, at: Date.now() });
  },
  current,
  dismiss(): void {
    setCurrent(null);
  },
};
