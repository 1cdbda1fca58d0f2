// The email's one-click unsubscribe link lands here (services/apps/api routes/notify-unsubscribe.ts) with its token in
// the fragment; the button posts it back. A GET never unsubscribes, since mail scanners follow links.
type Outcome = "unsubscribed" | "expired" | "invalid" | "no_such_channel";
interface PageStrings {
  readonly working: string;
  readonly failed: string;
  readonly outcomes: Readonly<Record<Outcome, string>>;
}

const s = JSON.parse(document.getElementById("ui-strings")?.textContent ?? "{}") as PageStrings;
const apiBase = document.querySelector<HTMLMetaElement>('meta[name="api-base"]')?.content ?? "";
const form = document.getElementById("unsubscribe") as HTMLFormElement;
const outcome = document.getElementById("outcome") as HTMLElement;
const noLink = document.getElementById("no-link") as HTMLElement;
const token = new URLSearchParams(location.hash.slice(1)).get("token");

if (token) {
  // The token leaves the address bar (and the history) as soon as it is read.
  history.replaceState(null, "", location.pathname);
  form.hidden = false;
  noLink.hidden = true;
  let busy = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    outcome.textContent = s.working;
    try {
      const response = await fetch(`${apiBase}/v1/notify/unsubscribe`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token }).toString(),
      });
      const text = (await response.text()) as Outcome;
      outcome.textContent = s.outcomes[text] ?? s.failed;
      if (text === "unsubscribed") form.hidden = true;
      if (text !== "unsubscribed" && text in s.outcomes) noLink.hidden = false;
    } catch {
      outcome.textContent = s.failed;
    } finally {
      busy = false;
      outcome.focus();
    }
  });
}
