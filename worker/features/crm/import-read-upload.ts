// The uploaded file of an import: a multipart form's `file` field or a text/csv body,
// refused as soon as it grows past 10 MB, before anything is parsed.
import { z } from "@hono/zod-openapi";
import { AppError } from "../../lib/errors";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Room for a multipart body's boundaries and part headers around a file of the full size. */
const MULTIPART_OVERHEAD = 64 * 1024;

export type Upload = { fileName: string; pieces: Uint8Array[] };

const tooLarge = () =>
  new AppError("payload_too_large", "The file is larger than 10 MB. Split it into smaller files and import each.", {
    max_bytes: MAX_UPLOAD_BYTES,
  });

/** A file name as shown back in lists: no folders, no control characters, at most 255 characters. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is being removed.
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return clean.slice(0, 255) || "contacts.csv";
}

/** The body's bytes as they arrive, refused past `cap` whatever Content-Length claimed. */
function joinBytes(pieces: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(pieces.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const piece of pieces) {
    joined.set(piece, offset);
    offset += piece.byteLength;
  }
  return joined;
}

async function readCapped(request: Request, cap: number): Promise<Uint8Array[]> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > cap) throw tooLarge();
  const pieces: Uint8Array[] = [];
  if (!request.body) return pieces;
  const reader = request.body.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return pieces;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel();
      throw tooLarge();
    }
    pieces.push(value);
  }
}

const FormFields = z.object({
  file: z.instanceof(File, { message: 'Attach the CSV file in a form field named "file".' }),
});

/**
 * The file of an upload request. The body is read by hand, not by a validator, so
 * that its size is checked while it streams in; the form's one field still goes
 * through zod.
 */
export async function readUpload(request: Request, fileNameQuery: string | undefined): Promise<Upload> {
  const type = request.headers.get("Content-Type") ?? "";
  if (/^multipart\/form-data\b/i.test(type)) {
    const pieces = await readCapped(request, MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD);
    let form: FormData;
    try {
      form = await new Response(joinBytes(pieces), { headers: { "Content-Type": type } }).formData();
    } catch {
      throw new AppError("bad_request", "The form could not be read. Upload the file again.");
    }
    const parsed = FormFields.safeParse({ file: form.get("file") });
    if (!parsed.success) {
      throw new AppError("validation_failed", "Attach a CSV file.", [
        { path: "file", message: parsed.error.issues[0]?.message ?? "Attach a CSV file.", code: "custom" },
      ]);
    }
    const { file } = parsed.data;
    if (file.size > MAX_UPLOAD_BYTES) throw tooLarge();
    return { fileName: cleanFileName(file.name), pieces: [new Uint8Array(await file.arrayBuffer())] };
  }
  if (/^text\/csv\b/i.test(type)) {
    return { fileName: cleanFileName(fileNameQuery), pieces: await readCapped(request, MAX_UPLOAD_BYTES) };
  }
  throw new AppError(
    "unsupported_media_type",
    'Upload the CSV file as multipart/form-data (in a field named "file"), or send it as the body with Content-Type: text/csv.',
  );
}
