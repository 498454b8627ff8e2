import { createSignal } from "solid-js";
import { ApiError } from "./api-error";
import { type FieldErrors, fieldErrors } from "./field-errors";

export type Submission = ReturnType<typeof createSubmission>;

/**
 * The state of one form's submit: pending while the call runs (so the button can be
 * disabled and a second click ignored), and the failure split into messages for the
 * fields the form shows and one message for everything else. The inputs are the form's
 * own signals, so nothing the person typed is lost when a call fails.
 */
export function createSubmission(fields: readonly string[]) {
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<ApiError | null>(null);

  const byField = (): FieldErrors => fieldErrors(error());
  const fieldError = (name: string): string | undefined => byField()[name];

  /** The message for the top of the form: the call's own, unless every problem sits next to its input. */
  const formError = (): string | null => {
    const failure = error();
    if (!failure) return null;
    const paths = Object.keys(byField());
    const elsewhere = paths.filter((path) => !fields.includes(path));
    if (paths.length > 0 && elsewhere.length === 0) return null;
    const extra = elsewhere.map((path) => byField()[path]).filter((m) => m && m !== failure.message);
    return [failure.message, ...extra].join(" ");
  };

  /** Runs the call once at a time; true when it succeeded. A failure is kept to be shown, not rethrown. */
  const run = async (action: () => Promise<void>): Promise<boolean> => {
    if (pending()) return false;
    setPending(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (failure) {
      setError(ApiError.from(failure));
      return false;
    } finally {
      setPending(false);
    }
  };

  /** Problems found before calling the API, shown exactly like the API's own field errors. */
  const reject = (problems: FieldErrors) => {
    const details = Object.entries(problems).map(([path, message]) => ({ path, message, code: "custom" }));
    setError(new ApiError("validation_failed", "Some fields are missing or invalid.", 422, details));
  };

  return { pending, error, fieldError, formError, run, reject, clear: () => setError(null) };
}
