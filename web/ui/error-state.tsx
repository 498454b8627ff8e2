import { ApiError } from "../lib/api-error";
import { Icon } from "./icon";

/** A failed load: the API's message for the person, and a way to try again. */
export function ErrorState(props: { error: unknown; title?: string; onRetry?: () => void }) {
  const message = () => ApiError.from(props.error).message;
  return (
    <div class="state state--error" role="alert">
      <span class="state__icon">
        <Icon name="alert" size={22} />
      </span>
      <h2 class="state__title">{props.title ?? "Something went wrong"}</h2>
      <p class="state__hint">{message()}</p>
      {props.onRetry && (
        <button type="button" class="button" onClick={() => props.onRetry?.()}>
          <Icon name="refresh" size={16} />
          Try again
        </button>
      )}
    </div>
  );
}
