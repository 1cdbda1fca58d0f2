import type { Context } from "hono";

export type FormBody =
  | { readonly ok: true; readonly text: string; readonly params: Record<string, string> }
  | { readonly ok: false; readonly limitBytes: number };

/** A URL-encoded form body (webhooks, the one-click unsubscribe), refused past `maxBytes` as it arrives. */
export async function readFormBody(c: Context, maxBytes: number): Promise<FormBody> {
  if (Number(c.req.header("content-length") ?? "0") > maxBytes) return { ok: false, limitBytes: maxBytes };
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
        return { ok: false, limitBytes: maxBytes };
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  return { ok: true, text, params: Object.fromEntries(new URLSearchParams(text)) };
}
