import { createSignal, Show } from "solid-js";
import { describedBy, Field } from "../../ui/field";

/**
 * Uploads files to the workspace's media store with a progress bar (XHR reports upload
 * progress; fetch does not) and hands back each public URL, which the networks fetch.
 */
export function MediaUpload(props: {
  id: string;
  workspaceId: string;
  onUploaded: (url: string) => void;
  onError: (message: string) => void;
  disabled?: boolean;
}) {
  const [progress, setProgress] = createSignal<number | null>(null);

  const upload = (file: File) =>
    new Promise<void>((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", `/api/v1/workspaces/${encodeURIComponent(props.workspaceId)}/posts/media`);
      xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
      xhr.upload.onprogress = (e) => setProgress(e.lengthComputable ? Math.round((e.loaded / e.total) * 100) : null);
      xhr.onload = () => {
        setProgress(null);
        try {
          const body = JSON.parse(xhr.responseText) as { url?: string; error?: { message: string } };
          if (xhr.status === 201 && body.url) props.onUploaded(body.url);
          else props.onError(body.error?.message ?? `Upload failed (${xhr.status}).`);
        } catch {
          props.onError(`Upload failed (${xhr.status}).`);
        }
        resolve();
      };
      xhr.onerror = () => {
        setProgress(null);
        props.onError("The upload did not reach the server.");
        resolve();
      };
      xhr.send(file);
    });

  return (
    <Field
      id={props.id}
      label="Upload media"
      hint="Images up to 10 MB, videos up to 100 MB; stored with a public link the networks fetch."
    >
      <input
        id={props.id}
        type="file"
        accept="image/jpeg,image/png,image/gif,image/webp,video/mp4,video/quicktime,video/webm"
        multiple
        disabled={props.disabled || progress() !== null}
        aria-describedby={describedBy(props.id)}
        onChange={async (e) => {
          const input = e.currentTarget;
          for (const file of Array.from(input.files ?? [])) await upload(file);
          input.value = "";
        }}
      />
      <Show when={progress() !== null}>
        <progress max="100" value={progress() ?? 0} aria-label="Upload progress" />
      </Show>
    </Field>
  );
}
