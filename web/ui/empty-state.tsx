import { A } from "@solidjs/router";
import type { JSX } from "solid-js";
import { Icon, type IconName } from "./icon";

export type EmptyStateAction = { label: string; href: string } | { label: string; onClick: () => void };

/** Nothing to show yet: say what will appear here and, when there is one, the next step. */
export function EmptyState(props: { title: string; hint: string; icon?: IconName; action?: EmptyStateAction }) {
  const action = (): JSX.Element => {
    const a = props.action;
    if (!a) return null;
    if ("href" in a) {
      return (
        <A class="button button--primary" href={a.href}>
          {a.label}
        </A>
      );
    }
    return (
      <button type="button" class="button button--primary" onClick={() => a.onClick()}>
        {a.label}
      </button>
    );
  };
  return (
    <div class="state state--empty" data-testid="empty-state">
      {props.icon && (
        <span class="state__icon">
          <Icon name={props.icon} size={22} />
        </span>
      )}
      <h2 class="state__title">{props.title}</h2>
      <p class="state__hint">{props.hint}</p>
      {action()}
    </div>
  );
}
