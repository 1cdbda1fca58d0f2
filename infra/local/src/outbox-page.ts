import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** One message as the notifier's outbox writes it (one JSON file per message). */
interface OutboxMessage {
  readonly messageId: string;
  readonly channel: string;
  readonly to: string;
  readonly from?: string;
  readonly subject?: string;
  readonly text?: string;
  readonly says?: readonly { readonly text: string; readonly language?: string; readonly voice?: string }[];
  readonly writtenAt?: string;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The newest `limit` messages of an outbox folder, newest first; unreadable files are skipped, never fatal. */
export async function readOutbox(outboxDir: string, limit = 500): Promise<OutboxMessage[]> {
  let names: string[];
  try {
    names = (await readdir(outboxDir)).filter((name) => name.endsWith(".json"));
  } catch {
    return [];
  }
  const messages = await Promise.all(
    names.map(async (name) => {
      try {
        return JSON.parse(await readFile(join(outboxDir, name), "utf8")) as OutboxMessage;
      } catch {
        return undefined;
      }
    }),
  );
  return messages
    .filter((message): message is OutboxMessage => message !== undefined && typeof message.messageId === "string")
    .sort((a, b) => (b.writtenAt ?? "").localeCompare(a.writtenAt ?? "") || a.messageId.localeCompare(b.messageId))
    .slice(0, limit);
}

const bodyOf = (message: OutboxMessage): string =>
  message.text ?? (message.says ?? []).map((part) => part.text).join("\n") ?? "";

/**
 * The local outbox as a page: what `npm start` would have sent without provider credentials, newest first, with
 * each message whole. Only the local stack serves it (the messages are synthetic people's); it refreshes itself.
 */
export function renderOutboxPage(messages: readonly OutboxMessage[], outboxDir: string, heldMessages = 0): string {
  const rows = messages
    .map((message) => {
      const [ballot = "", serial = "", milestone = ""] = message.messageId.split(":");
      const headline = message.subject ?? bodyOf(message).split("\n")[0] ?? "";
      return `<tr>
  <td><time datetime="${escapeHtml(message.writtenAt ?? "")}">${escapeHtml((message.writtenAt ?? "").replace("T", " ").slice(0, 19))}</time></td>
  <td>${escapeHtml(message.channel)}</td>
  <td>${escapeHtml(message.to)}</td>
  <td>${escapeHtml(milestone)}<br><small>${escapeHtml(`${ballot}:${serial}`)}</small></td>
  <td><details><summary>${escapeHtml(headline)}</summary><pre>${escapeHtml(bodyOf(message))}</pre></details></td>
</tr>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="10">
<title>Outbox (local stack)</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 1rem; color: #1a1a1a; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #bbb; padding: 0.4rem; text-align: left; vertical-align: top; }
pre { white-space: pre-wrap; margin: 0.5rem 0 0; }
small { color: #4a4a4a; }
:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
</style>
</head>
<body>
<main>
<h1>Outbox</h1>
<p>Messages the notifier would have sent by email, SMS and voice, written to <code>${escapeHtml(outboxDir)}</code>
because this stack has no provider credentials. Newest first; the page refreshes every 10 seconds.
${messages.length === 0 ? "No messages yet: they appear as the simulated election moves the sample voters' ballots." : `${messages.length} shown.`}</p>
${heldMessages > 0 ? `<p><strong>${heldMessages} held for quiet hours</strong>: outside the voters' contact window (08:00-21:00 in the county) nothing is sent; they go out when it opens, folded into the newest news of each ballot.</p>` : ""}
<table>
<thead><tr><th scope="col">Written</th><th scope="col">Channel</th><th scope="col">To</th><th scope="col">Milestone</th><th scope="col">Message</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</main>
</body>
</html>
`;
}
