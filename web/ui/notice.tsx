import type { ParentProps } from "solid-js";
import { Icon, type IconName } from "./icon";

export type NoticeTone = "info" | "success" | "warning" | "error";

const icons: Record<NoticeTone, IconName> = { info: "alert", success: "check", warning: "alert", error: "alert" };

/** A message inside a page: errors interrupt a screen reader (alert), everything else waits its turn (status). */
export function Notice(props: ParentProps<{ tone: NoticeTone; testId?: string }>) {
  return (
    <div
      class={`notice notice--${props.tone}`}
      role={props.tone === "error" ? "alert" : "status"}
      data-testid={props.testId}
    >
      <span class="notice__icon">
        <Icon name={icons[props.tone]} size={16} />
      </span>
      <div class="notice__body">{props.children}</div>
    </div>
  );
}
