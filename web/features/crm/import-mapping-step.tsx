import { For, Show } from "solid-js";
import { Notice } from "../../ui/notice";
import {
  type DuplicateStrategy,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  type MappingTarget,
  STRATEGY_LABELS,
} from "./import-fields";

/**
 * Step 2: which column feeds which field — suggested from the header names, changed here —
 * and what to do with a row whose email already belongs to a contact.
 */
export function ImportMappingStep(props: {
  fileName: string;
  headers: string[];
  sample: string[][];
  mapping: Record<string, MappingTarget>;
  strategy: DuplicateStrategy;
  problem: string | null;
  pending: boolean;
  onMapping: (column: string, target: MappingTarget) => void;
  onStrategy: (strategy: DuplicateStrategy) => void;
  onPreview: () => void;
  onCancel: () => void;
}) {
  const samples = (index: number) =>
    props.sample
      .map((row) => row[index] ?? "")
      .filter((cell) => cell.trim() !== "")
      .slice(0, 3);
  return (
    <section class="card stack" aria-labelledby="mapping-title" data-testid="import-mapping">
      <div>
        <h2 class="card__title" id="mapping-title">
          Match the columns of {props.fileName}
        </h2>
        <p class="card__subtitle">We guessed from the column names; change anything that is wrong.</p>
      </div>
      <table class="crm-mapping">
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">Examples</th>
            <th scope="col">Contact field</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.headers}>
            {(header, index) => (
              <tr data-testid="mapping-row">
                <th scope="row">{header || `Column ${index() + 1}`}</th>
                <td class="muted crm-mapping__sample">{samples(index()).join(" · ") || "—"}</td>
                <td>
                  <select
                    class="input input--compact"
                    aria-label={`Field for the column ${header || index() + 1}`}
                    value={props.mapping[String(index())] ?? "ignore"}
                    onChange={(event) => props.onMapping(String(index()), event.currentTarget.value as MappingTarget)}
                  >
                    <option value="ignore">Don't import</option>
                    <For each={IMPORT_FIELDS}>
                      {(field) => (
                        <option value={field} selected={props.mapping[String(index())] === field}>
                          {IMPORT_FIELD_LABELS[field]}
                        </option>
                      )}
                    </For>
                  </select>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <fieldset class="fieldset">
        <legend class="field__label">When a row's email already belongs to a contact</legend>
        <div class="choice-group">
          <For each={Object.entries(STRATEGY_LABELS) as [DuplicateStrategy, { label: string; hint: string }][]}>
            {([value, choice]) => (
              <label class="checkbox">
                <input
                  type="radio"
                  name="duplicate-strategy"
                  value={value}
                  checked={props.strategy === value}
                  onChange={() => props.onStrategy(value)}
                />
                <span>
                  <strong>{choice.label}</strong> <span class="muted">— {choice.hint}</span>
                </span>
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <Show when={props.problem}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
      <div class="form-actions">
        <button
          type="button"
          class="button button--primary"
          disabled={props.pending || Boolean(props.problem)}
          onClick={() => props.onPreview()}
        >
          {props.pending ? "Checking every row…" : "Preview the import"}
        </button>
        <button type="button" class="button button--ghost" onClick={() => props.onCancel()}>
          Cancel import
        </button>
      </div>
    </section>
  );
}
