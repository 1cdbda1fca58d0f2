import { readBodyBytes } from "@ballot/adapters";
import type { Context } from "hono";

export type FormBody =
  | { readonly ok: true; readonly text: string; readonly params: Record<string, string> }
  | { readonly ok: false; readonly limitBytes: number };

/** A URL-encoded form body (webhooks, the one-click unsubscribe), refused past `maxBytes` as it arrives. */
export async function readFormBody(c: Context, maxBytes: number): Promise<FormBody> {
  const bytes = await readBodyBytes(c, maxBytes);
  if (!bytes) return { ok: false, limitBytes: maxBytes };
  const text = bytes.toString("utf8");
  return { ok: true, text, params: Object.fromEntries(new URLSearchParams(text)) };
}
