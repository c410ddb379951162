// Reads an uploaded file from a request: a `text/csv` body or a multipart form's `file` field,
// never more than MAX_IMPORT_BYTES (413 beyond), as bytes (the checksum is of exactly these).
import { ApiError } from "@/lib/api/errors";
import { MAX_IMPORT_BYTES } from "./schema";

export const IMPORT_BODY_TYPES = ["text/csv", "multipart/form-data"] as const;

const tooLarge = () => new ApiError(413, `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);

async function readCapped(stream: ReadableStream<Uint8Array> | null): Promise<Buffer> {
  if (!stream) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_IMPORT_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export type UploadedFile = { content: Buffer; fileName: string | null; replace: boolean | null };

export async function readUploadedFile(request: Request): Promise<UploadedFile> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) throw tooLarge();
  if (type === "text/csv") {
    const content = await readCapped(request.body);
    if (content.length === 0) throw new ApiError(400, "Empty body: send the CSV file as the request body.", [{ field: "body", message: "empty" }]);
    return { content, fileName: null, replace: null };
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new ApiError(400, "Invalid multipart body.", [{ field: "body", message: "not a valid multipart/form-data body" }]);
  }
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) throw new ApiError(400, "Send the CSV in the multipart field \"file\".", [{ field: "file", message: "missing or empty" }]);
  if (file.size > MAX_IMPORT_BYTES) throw tooLarge();
  const replace = form.get("replace");
  const name = "name" in file && typeof file.name === "string" ? file.name.replace(/[\u0000-\u001f]/g, "").slice(0, 200) : null;
  return { content: Buffer.from(await file.arrayBuffer()), fileName: name, replace: replace === null ? null : replace === "true" };
}
