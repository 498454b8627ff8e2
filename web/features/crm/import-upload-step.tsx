import { createSignal, Show } from "solid-js";
import { ApiError } from "../../lib/api-error";
import { Icon } from "../../ui/icon";
import { Notice } from "../../ui/notice";
import type { UploadedImport } from "./contact-types";
import { uploadImport } from "./import-api";

const MAX_BYTES = 10 * 1024 * 1024;

/** Step 1: a CSV dropped on the zone or chosen with the file picker, checked for size and kind, then uploaded. */
export function ImportUploadStep(props: { workspaceId: string; onUploaded: (upload: UploadedImport) => void }) {
  const [over, setOver] = createSignal(false);
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  const take = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    if (file.size > MAX_BYTES) return setError("The file is larger than 10 MB. Split it into smaller files.");
    if (!/\.(csv|txt|tsv)$/i.test(file.name) && !/csv|text\/plain/.test(file.type)) {
      return setError("Choose a CSV file (.csv). Spreadsheets can be saved as CSV from File → Download or Export.");
    }
    setPending(true);
    try {
      props.onUploaded(await uploadImport(props.workspaceId, file));
    } catch (failure) {
      setError(ApiError.from(failure).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <section class="card stack" aria-labelledby="upload-title" data-testid="import-upload">
      <div>
        <h2 class="card__title" id="upload-title">
          Upload a CSV
        </h2>
        <p class="card__subtitle">
          UTF-8, separated by commas, semicolons or tabs, with a header line; up to 50,000 rows or 10 MB. Nothing is
          imported until you have seen a preview.
        </p>
      </div>
      <Show when={error()}>{(message) => <Notice tone="error">{message()}</Notice>}</Show>
      <label
        class="crm-dropzone"
        classList={{ "is-over": over(), "is-busy": pending() }}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          void take(event.dataTransfer?.files[0]);
        }}
        data-testid="import-dropzone"
      >
        <Icon name="download" size={28} />
        <strong>{pending() ? "Uploading…" : "Drop your CSV here"}</strong>
        <span class="muted">or press to choose a file</span>
        <input
          class="visually-hidden"
          type="file"
          accept=".csv,.tsv,.txt,text/csv"
          aria-label="Choose a CSV file"
          disabled={pending()}
          onChange={(event) => {
            const input = event.currentTarget;
            void take(input.files?.[0]).finally(() => (input.value = ""));
          }}
        />
      </label>
    </section>
  );
}
