import { createSignal, Show } from "solid-js";
import { initialsOf } from "../../ui/avatar";

/** A workspace's logo, or its initial on its brand colour when it has none (or it fails to load). Decorative. */
export function WorkspaceMark(props: { name: string; logo: string | null; color?: unknown; size?: number }) {
  const [broken, setBroken] = createSignal<string | null>(null);
  const size = () => props.size ?? 28;
  const color = () => (typeof props.color === "string" && /^#[0-9a-f]{6}$/i.test(props.color) ? props.color : null);
  return (
    <span
      class="workspace-mark"
      style={{
        width: `${size()}px`,
        height: `${size()}px`,
        "font-size": `${Math.round(size() * 0.46)}px`,
        ...(color() ? { background: color() as string } : {}),
      }}
      aria-hidden="true"
    >
      <Show when={props.logo && broken() !== props.logo} fallback={initialsOf(props.name).slice(0, 1)}>
        <img src={props.logo ?? ""} alt="" referrerpolicy="no-referrer" onError={() => setBroken(props.logo)} />
      </Show>
    </span>
  );
}
