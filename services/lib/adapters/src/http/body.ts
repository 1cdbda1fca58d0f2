import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import type { Context } from "hono";

const gunzipAsync = promisify(gunzip);

export type BodyProblem =
  | { readonly kind: "too_large"; readonly limitBytes: number }
  | { readonly kind: "bad_encoding"; readonly message: string }
  | { readonly kind: "not_json"; readonly message: string; readonly text: string };

export type BodyResult =
  | { readonly ok: true; readonly json: unknown; readonly text: string }
  | { readonly ok: false; readonly problem: BodyProblem };

/**
 * The raw body as it arrives, or undefined once it is past `maxBytes` (declared or counted; reading stops there, so
 * a client cannot make the server hold more than the limit).
 */
export async function readBodyBytes(c: Context, maxBytes: number): Promise<Buffer | undefined> {
  if (Number(c.req.header("content-length") ?? "0") > maxBytes) return undefined;
  const reader = c.req.raw.body?.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        await reader.cancel();
        return undefined;
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a JSON body, gzip or plain, refusing anything over `maxBytes` both on the wire and once inflated (a small
 * gzip bomb is still refused). The text is returned too, so a body that is not JSON can be dead-lettered whole.
 */
export async function readJsonBody(c: Context, maxBytes: number): Promise<BodyResult> {
  const read = await readBodyBytes(c, maxBytes);
  if (!read) return { ok: false, problem: { kind: "too_large", limitBytes: maxBytes } };
  let bytes: Buffer = read;
  const encoding = (c.req.header("content-encoding") ?? "identity").toLowerCase();
  if (encoding === "gzip") {
    try {
      bytes = await gunzipAsync(bytes, { maxOutputLength: maxBytes });
    } catch (error) {
      const tooLarge = error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE";
      return tooLarge
        ? { ok: false, problem: { kind: "too_large", limitBytes: maxBytes } }
        : { ok: false, problem: { kind: "bad_encoding", message: "the body is not valid gzip" } };
    }
  } else if (encoding !== "identity") {
    return {
      ok: false,
      problem: { kind: "bad_encoding", message: `Content-Encoding ${encoding} is not supported; use gzip` },
    };
  }
  const text = bytes.toString("utf8");
  try {
    return { ok: true, json: JSON.parse(text), text };
  } catch (error) {
    return { ok: false, problem: { kind: "not_json", message: (error as Error).message, text } };
  }
}
