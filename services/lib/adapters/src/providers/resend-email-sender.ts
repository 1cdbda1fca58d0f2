import { PermanentError, TransientError } from "@ballot/runtime";
import { Resend } from "resend";
import type { EmailSender, OutgoingEmail, SendReceipt } from "./types.ts";

export interface ResendEmailSenderOptions {
  readonly apiKey: string;
  /** The API's address; a local fake's in tests. Default: the SDK's (RESEND_BASE_URL or api.resend.com). */
  readonly baseUrl?: string | undefined;
}

/** Email through Resend, with the message's idempotency key and RFC 8058 one-click unsubscribe headers. */
export class ResendEmailSender implements EmailSender {
  readonly provider = "resend";
  readonly #resend: Resend;
  constructor(options: ResendEmailSenderOptions) {
    this.#resend = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  }

  async send(message: OutgoingEmail): Promise<SendReceipt> {
    const headers: Record<string, string> = {};
    if (message.unsubscribeUrl) {
      headers["List-Unsubscribe"] = `<${message.unsubscribeUrl}>`;
      headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
    }
    const { data, error } = await this.#resend.emails.send(
      {
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers,
      },
      { idempotencyKey: message.idempotencyKey },
    );
    if (data?.id) return { provider: this.provider, providerMessageId: data.id };
    const status = (error as { statusCode?: number | null } | null)?.statusCode ?? null;
    const context = { provider: this.provider, status: status ?? "none", code: error?.name ?? "unknown" };
    // No status: the request never got an answer (connection refused or reset), so it may be retried.
    // Resend's message may quote the address: only its status and error name go into ours.
    if (status === null || status === 429 || status >= 500) {
      throw new TransientError(`Resend did not take the email (status ${status ?? "none"}, ${context.code})`, {
        context,
      });
    }
    throw new PermanentError(`Resend refused the email (status ${status}, ${context.code})`, { context });
  }
}
