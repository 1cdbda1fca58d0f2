// The dashboard's "Held for review" section: batches that moved an unusual share of the county's ballots to one
// status at once, whose messages wait for an approver (GET/POST /v1/dashboard/counties/:county/holds). Written with
// textContent only, like the rest of the dashboard.

export interface Hold {
  holdId: string;
  batchId: string;
  status: string;
  state: "held" | "released" | "discarded";
  movedBallots: number;
  threshold: number;
  countyBallots: number;
  heldBallots: number;
  heldNotices: number;
  heldAt: string;
  decidedBy?: string;
  decidedAt?: string;
  correction?: { requestedBy: string; requestedAt: string; ballotsTold: number; finishedAt?: string };
}

export interface HoldDetail extends Hold {
  from: Record<string, number>;
  sample: { ballotId: string; from: string }[];
}

export interface HoldsView {
  readonly container: HTMLElement;
  /** Where the outcome of an action is announced (a polite live region). */
  readonly status: HTMLElement;
  readonly error: HTMLElement;
  readonly labelOf: (status: string) => string;
  readonly dateTime: (iso: string | undefined) => string;
  readonly formatNumber: (value: number) => string;
  /** GET a dashboard path as JSON. */
  readonly getJson: <T>(path: string) => Promise<T>;
  /** POST to a dashboard path; resolves with the answer's JSON, rejects with the API's message. */
  readonly post: <T>(path: string) => Promise<T>;
}

const stateText: Record<Hold["state"], string> = {
  held: "Held: messages are waiting",
  released: "Released: the messages were sent",
  discarded: "Discarded: the messages were not sent",
};

const actions = {
  release: {
    label: "Release",
    confirm: "Send the held messages to the voters now (within their contact hours)?",
    done: "Released: the held messages are being sent.",
  },
  discard: {
    label: "Discard",
    confirm: "Drop the held messages? The voters will not get them. This cannot be undone.",
    done: "Discarded: the held messages will not be sent.",
  },
  correction: {
    label: "Send correction",
    confirm: "Tell every voter who already got a message from this batch that it was sent in error?",
    done: "Correction requested: voters who got the wrong message are being told.",
  },
} as const;
type Action = keyof typeof actions;

function definition(list: HTMLDListElement, term: string, value: string): void {
  const group = document.createElement("div");
  const dt = document.createElement("dt");
  dt.textContent = term;
  const dd = document.createElement("dd");
  dd.textContent = value;
  group.append(dt, dd);
  list.append(group);
}

/**
 * Draws the county's holds, with Release, Discard and Send correction for an approver (a hold is decided once; the
 * correction is sent once). Redrawn only when the holds changed, so a refresh does not take a button from under the
 * keyboard focus.
 */
export function createHoldsSection(view: HoldsView) {
  let drawn = "";
  let county = "";
  let canDecide = false;

  const act = async (hold: Hold, action: Action, button: HTMLButtonElement) => {
    if (!window.confirm(actions[action].confirm)) return;
    button.disabled = true;
    view.error.textContent = "";
    try {
      await view.post(`/counties/${encodeURIComponent(county)}/holds/${encodeURIComponent(hold.holdId)}/${action}`);
      view.status.textContent = `${actions[action].done} (batch ${hold.batchId})`;
      await refresh(county, canDecide);
      view.container.querySelector<HTMLElement>(`[data-hold="${CSS.escape(hold.holdId)}"] h3`)?.focus();
    } catch (error) {
      button.disabled = false;
      view.error.textContent = `${actions[action].label} failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  };

  function draw(holds: readonly HoldDetail[]): void {
    const articles: HTMLElement[] = holds.map((hold, index) => {
      const article = document.createElement("article");
      article.className = "hold";
      article.dataset.hold = hold.holdId;
      const headingId = `hold-${index}-title`;
      article.setAttribute("aria-labelledby", headingId);
      const heading = document.createElement("h3");
      heading.id = headingId;
      heading.tabIndex = -1;
      heading.textContent = `${view.formatNumber(hold.movedBallots)} ballots moved to ${view.labelOf(hold.status)} by batch ${hold.batchId}`;
      const facts = document.createElement("dl");
      facts.className = "hold-facts";
      definition(facts, "State", stateText[hold.state]);
      definition(
        facts,
        "Share of the county",
        `${view.formatNumber(hold.movedBallots)} of ${view.formatNumber(hold.countyBallots)} ballots; more than ${view.formatNumber(hold.threshold)} is held`,
      );
      definition(
        facts,
        "Messages",
        `${view.formatNumber(hold.threshold)} sent before the hold; ${view.formatNumber(hold.heldBallots)} ballots held, ${view.formatNumber(hold.heldNotices)} messages waiting`,
      );
      definition(
        facts,
        "Moved from",
        Object.entries(hold.from)
          .map(([from, count]) => `${from === "new" ? "no status" : view.labelOf(from)} (${view.formatNumber(count)})`)
          .join(", ") || "-",
      );
      definition(facts, "Held at", view.dateTime(hold.heldAt));
      if (hold.decidedBy) definition(facts, "Decided", `${view.dateTime(hold.decidedAt)} by ${hold.decidedBy}`);
      if (hold.correction) {
        definition(
          facts,
          "Correction",
          `asked ${view.dateTime(hold.correction.requestedAt)} by ${hold.correction.requestedBy}; ${view.formatNumber(hold.correction.ballotsTold)} voters told${hold.correction.finishedAt ? " (done)" : " so far"}`,
        );
      }
      definition(facts, "Sample ballots", hold.sample.map((ballot) => ballot.ballotId).join(", ") || "-");
      article.append(heading, facts);
      if (canDecide) {
        const buttons = document.createElement("div");
        buttons.className = "hold-actions";
        const offered: Action[] = [
          ...(hold.state === "held" ? (["release", "discard"] as const) : []),
          ...(hold.correction ? [] : (["correction"] as const)),
        ];
        for (const action of offered) {
          const button = document.createElement("button");
          button.type = "button";
          button.className = action === "release" ? "" : "secondary";
          button.textContent = actions[action].label;
          button.setAttribute("aria-describedby", headingId);
          button.dataset.action = action;
          button.addEventListener("click", () => void act(hold, action, button));
          buttons.append(button);
        }
        article.append(buttons);
      }
      return article;
    });
    if (articles.length === 0) {
      const none = document.createElement("p");
      none.textContent = "No batches are held.";
      articles.push(none);
    } else if (!canDecide) {
      const note = document.createElement("p");
      note.className = "muted";
      note.textContent = "Only an approver can release, discard or send a correction.";
      articles.unshift(note);
    }
    view.container.replaceChildren(...articles);
  }

  async function refresh(nextCounty: string, approver: boolean): Promise<void> {
    county = nextCounty;
    canDecide = approver;
    const base = `/counties/${encodeURIComponent(county)}/holds`;
    const { holds } = await view.getJson<{ holds: Hold[] }>(`${base}?limit=20`);
    const details = await Promise.all(
      holds.map((hold) => view.getJson<HoldDetail>(`${base}/${encodeURIComponent(hold.holdId)}`)),
    );
    const key = JSON.stringify([county, approver, details]);
    if (key === drawn) return;
    drawn = key;
    draw(details);
  }

  return { refresh };
}
