import { createSignal, Show } from "solid-js";

/** Up to two letters from a name: "Ada Lovelace" → "AL", "ada" → "A". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => Array.from(w ?? "")[0]?.toUpperCase() ?? "").join("") || "?";
}

/** A person's picture, or their initials when there is none or it fails to load. Decorative: the name is beside it. */
export function Avatar(props: { name: string; src: string | null; size?: number }) {
  const [broken, setBroken] = createSignal<string | null>(null);
  const size = () => props.size ?? 28;
  return (
    <span
      class="avatar"
      style={{ width: `${size()}px`, height: `${size()}px`, "font-size": `${Math.round(size() * 0.4)}px` }}
      aria-hidden="true"
    >
      <Show when={props.src && broken() !== props.src} fallback={initialsOf(props.name)}>
        <img src={props.src ?? ""} alt="" referrerpolicy="no-referrer" onError={() => setBroken(props.src)} />
      </Show>
    </span>
  );
}
