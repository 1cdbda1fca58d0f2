// The lookup form: posts the voter's details to the API and shows the ballot's status and what each step means.
const meaning: Record<string, string> = {
  issued: "Your county has prepared your ballot. It has not been handed to the Postal Service yet.",
  mailed: "Your ballot has been mailed to you.",
  in_transit: "Your ballot is in the mail on its way to you.",
  out_for_delivery: "Your ballot is out for delivery today.",
  delivered: "The Postal Service reports your ballot as delivered.",
  undeliverable: "Your ballot could not be delivered. Contact your county elections office for a new one.",
  returned_by_voter: "Your voted ballot is back in the mail on its way to the county.",
  received: "Your county has received your ballot.",
  rejected: "Your ballot could not be counted yet. See below for how to fix it.",
  cure_pending: "Your county is waiting for you to fix a problem with your ballot envelope.",
  cured: "You fixed the problem with your ballot envelope.",
  accepted: "Your ballot passed verification and will be counted.",
  counted: "Your ballot has been counted.",
  superseded: "This ballot was replaced by a newer one.",
};

const label = (status: string) => status.replace(/_/g, " ").replace(/^./, (first) => first.toUpperCase());
const apiBase = document.querySelector<HTMLMetaElement>('meta[name="api-base"]')?.content ?? "";
const form = document.querySelector<HTMLFormElement>("#lookup");
const result = document.querySelector<HTMLElement>("#result");

function text(tag: string, content: string, className?: string): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) element.className = className;
  return element;
}

interface BallotView {
  ballotId: string;
  electionId: string;
  status: string;
  asOf: string;
  timeline: { status: string; at: string; reasonCode?: string }[];
  expectedDeliveryDate?: string;
}

function showBallots(ballots: BallotView[]) {
  if (!result) return;
  result.replaceChildren();
  if (ballots.length === 0) {
    result.append(text("p", "We found you, but your county has not issued a ballot to you yet."));
  }
  for (const ballot of ballots) {
    const section = document.createElement("section");
    section.append(text("h2", `Election ${ballot.electionId}`));
    section.append(text("p", label(ballot.status), "status"));
    section.append(text("p", meaning[ballot.status] ?? ""));
    section.append(text("p", `As of ${new Date(ballot.asOf).toLocaleString()}.`));
    if (ballot.expectedDeliveryDate && ["mailed", "in_transit", "out_for_delivery"].includes(ballot.status)) {
      section.append(text("p", `Expected delivery: ${ballot.expectedDeliveryDate}.`));
    }
    const list = document.createElement("ol");
    list.className = "timeline";
    for (const step of ballot.timeline) {
      list.append(text("li", `${new Date(step.at).toLocaleDateString()}: ${label(step.status)}`));
    }
    section.append(list);
    result.append(section);
  }
  result.focus();
}

function showFieldError(field: string | undefined, message: string) {
  for (const element of document.querySelectorAll<HTMLElement>(".error")) element.textContent = "";
  for (const input of document.querySelectorAll<HTMLInputElement>("input")) input.removeAttribute("aria-invalid");
  const target = field ? document.querySelector<HTMLElement>(`#${field}-error`) : null;
  if (target && field) {
    target.textContent = message;
    document.querySelector<HTMLInputElement>(`#${field}`)?.setAttribute("aria-invalid", "true");
    document.querySelector<HTMLInputElement>(`#${field}`)?.focus();
    return;
  }
  result?.replaceChildren(text("p", message, "error"));
  result?.focus();
}

form?.addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = Object.fromEntries(new FormData(form).entries()) as Record<string, string>;
  if (!data.voterId) delete data.voterId;
  try {
    const response = await fetch(`${apiBase}/v1/lookup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(data),
    });
    const body = await response.json();
    if (response.ok) {
      showFieldError(undefined, "");
      showBallots(body.ballots);
      return;
    }
    showFieldError(body.error?.details?.field, body.error?.message ?? "Something went wrong; please try again.");
  } catch {
    showFieldError(undefined, "We could not reach the ballot tracker. Check your connection and try again.");
  }
});
