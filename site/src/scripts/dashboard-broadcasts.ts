// The dashboard's "Broadcasts" section: draft a message to the county's subscribers, preview its exact audience and
// its text in every language, approve it (another staff member), send it in stages, cancel it
// (/v1/dashboard/counties/:county/broadcasts). Written with textContent only, like the rest of the dashboard.

type Role = "viewer" | "operator" | "approver";

export interface Broadcast {
  id: string;
  kind: "deadline_reminder" | "polling_place_change";
  variables: Record<string, string>;
  audience: { electionId?: string; zips?: string[]; statuses?: string[] };
  status: "draft" | "approved" | "sending" | "sent" | "cancelled";
  createdBy: string;
  createdAt: string;
  approvedBy?: string;
  approvedAt?: string;
  sentBy?: string;
  sendingAt?: string;
  finishedAt?: string;
  cancelledBy?: string;
  cancelledAt?: string;
  progress: { voters: number; sent: number; waiting: number; failed: number };
}

type ChannelCounts = { email: number; sms: number; voice: number; total: number };
interface Preview {
  audience: { voters: number; messages: number; byChannel: ChannelCounts; byLanguage: Record<string, ChannelCounts> };
  passMs: number;
  messages: Record<
    string,
    {
      email: { subject: string; text: string };
      sms: { text: string; segments: number };
      voice: { says: string[] };
    }
  >;
}

export interface BroadcastsView {
  readonly status: HTMLElement;
  readonly error: HTMLElement;
  readonly dateTime: (iso: string | undefined) => string;
  readonly formatNumber: (value: number) => string;
  readonly labelOf: (status: string) => string;
  readonly getJson: <T>(path: string) => Promise<T>;
  /** POST JSON to a dashboard path; resolves with the answer's JSON, rejects with an error carrying the API's. */
  readonly post: <T>(path: string, body?: unknown) => Promise<T>;
}

const kindNames: Record<Broadcast["kind"], string> = {
  deadline_reminder: "Deadline reminder",
  polling_place_change: "Polling place change",
};
const statusText: Record<Broadcast["status"], string> = {
  draft: "Draft: waiting for an approver",
  approved: "Approved: ready to send",
  sending: "Sending in stages",
  sent: "Sent",
  cancelled: "Cancelled",
};
/** The ten languages by name, in English (the dashboard is a staff page). */
export const languageNames: Record<string, string> = {
  en: "English",
  es: "Spanish",
  zh: "Chinese",
  hi: "Hindi",
  ja: "Japanese",
  km: "Khmer",
  ko: "Korean",
  tl: "Tagalog",
  th: "Thai",
  vi: "Vietnamese",
};

const actions = {
  approve: { label: "Approve", confirm: "Approve this broadcast? Check the preview first.", done: "Approved." },
  send: {
    label: "Send",
    confirm: "Send this broadcast to its audience now? It goes out in stages; Cancel stops it.",
    done: "Sending: the first stage is going out.",
  },
  cancel: {
    label: "Cancel",
    confirm: "Cancel this broadcast? No further message of it will be sent.",
    done: "Cancelled: nothing more of it will be sent.",
  },
} as const;
type Action = keyof typeof actions;

const make = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
};

function definition(list: HTMLDListElement, term: string, value: string): void {
  const group = make("div");
  group.append(make("dt", term), make("dd", value));
  list.append(group);
}

const describeValues = (broadcast: Broadcast) =>
  broadcast.kind === "deadline_reminder"
    ? `deadline ${broadcast.variables.deadline ?? ""}`
    : `${broadcast.variables.placeName ?? ""}, ${broadcast.variables.placeAddress ?? ""}`;

const describeAudience = (broadcast: Broadcast, labelOf: (status: string) => string) =>
  [
    broadcast.audience.electionId ? `election ${broadcast.audience.electionId}` : "every election",
    broadcast.audience.zips?.length ? `ZIP ${broadcast.audience.zips.join(", ")}` : "every ZIP",
    broadcast.audience.statuses?.length ? broadcast.audience.statuses.map(labelOf).join(", ") : "every status",
  ].join("; ");

export function createBroadcastsSection(view: BroadcastsView) {
  const form = document.getElementById("broadcast-form") as HTMLFormElement;
  const note = document.getElementById("broadcast-note") as HTMLElement;
  const list = document.getElementById("broadcasts") as HTMLElement;
  const previewBox = document.getElementById("broadcast-preview") as HTMLElement;
  const kind = form.elements.namedItem("kind") as HTMLSelectElement;
  let county = "";
  let me = { name: "", role: "viewer" as Role };
  let drawn = "";

  const showKind = () => {
    for (const node of form.querySelectorAll<HTMLElement>("[data-kind]"))
      node.hidden = node.dataset.kind !== kind.value;
  };
  kind.addEventListener("change", showKind);
  showKind();

  const clearInvalid = () => {
    for (const field of form.querySelectorAll("[aria-invalid]")) field.removeAttribute("aria-invalid");
  };

  const fail = (what: string, error: unknown) => {
    const problem = error as Error & { field?: string };
    view.error.textContent = `${what} failed: ${problem.message ?? String(error)}`;
    const field = problem.field
      ? form.querySelector<HTMLElement>(`[data-field="${CSS.escape(problem.field.replace(/\.\d+$/, ""))}"]`)
      : null;
    if (field) {
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-errormessage", "broadcasts-error");
      field.focus();
    }
  };

  function drawPreview(broadcast: Broadcast, preview: Preview): void {
    const box = make("div", undefined, "broadcast-preview");
    const heading = make("h3", `Preview: ${kindNames[broadcast.kind]} (${describeValues(broadcast)})`);
    const { audience } = preview;
    const summary = make(
      "p",
      `${view.formatNumber(audience.voters)} voters, ${view.formatNumber(audience.messages)} messages: ${view.formatNumber(audience.byChannel.email)} emails, ${view.formatNumber(audience.byChannel.sms)} texts, ${view.formatNumber(audience.byChannel.voice)} calls. Audience: ${describeAudience(broadcast, view.labelOf)}.`,
    );
    const table = make("table");
    table.append(make("caption", "Messages by language and channel"));
    const head = make("tr");
    for (const [index, title] of ["Language", "Email", "SMS", "Voice", "Total"].entries()) {
      const th = make("th", title, index > 0 ? "number" : undefined);
      th.scope = "col";
      head.append(th);
    }
    const thead = make("thead");
    thead.append(head);
    const tbody = make("tbody");
    for (const [language, counts] of Object.entries(audience.byLanguage)) {
      const row = make("tr");
      const th = make("th", languageNames[language] ?? language);
      th.scope = "row";
      row.append(
        th,
        ...[counts.email, counts.sms, counts.voice, counts.total].map((count) =>
          make("td", view.formatNumber(count), "number"),
        ),
      );
      tbody.append(row);
    }
    table.append(thead, tbody);
    const wrap = make("div", undefined, "table-wrap");
    wrap.append(table);
    box.append(heading, summary, wrap, make("h4", "The message in every language"));
    for (const [language, message] of Object.entries(preview.messages)) {
      const details = make("details");
      details.dataset.language = language;
      details.append(make("summary", languageNames[language] ?? language));
      details.append(make("p", "Email", "muted"), make("pre", `${message.email.subject}\n\n${message.email.text}`));
      details.append(
        make("p", `SMS (${message.sms.segments} segment${message.sms.segments === 1 ? "" : "s"})`, "muted"),
        make("pre", message.sms.text),
      );
      details.append(make("p", "Voice call", "muted"), make("pre", message.voice.says.join(" ")));
      box.append(details);
    }
    previewBox.replaceChildren(box);
    previewBox.hidden = false;
  }

  async function showPreview(broadcast: Broadcast): Promise<void> {
    view.status.textContent = "Counting the audience...";
    const preview = await view.getJson<Preview>(
      `/counties/${encodeURIComponent(county)}/broadcasts/${encodeURIComponent(broadcast.id)}/preview`,
    );
    drawPreview(broadcast, preview);
    view.status.textContent = `Preview ready: ${view.formatNumber(preview.audience.voters)} voters would get it.`;
    previewBox.focus();
  }

  const act = async (broadcast: Broadcast, action: Action, button: HTMLButtonElement) => {
    if (!window.confirm(actions[action].confirm)) return;
    button.disabled = true;
    view.error.textContent = "";
    try {
      await view.post(
        `/counties/${encodeURIComponent(county)}/broadcasts/${encodeURIComponent(broadcast.id)}/${action}`,
      );
      view.status.textContent = `${kindNames[broadcast.kind]}: ${actions[action].done}`;
      await refresh(county, me);
      list.querySelector<HTMLElement>(`[data-broadcast="${CSS.escape(broadcast.id)}"] h3`)?.focus();
    } catch (error) {
      button.disabled = false;
      fail(actions[action].label, error);
      // The broadcast may have moved on meanwhile (a send that finished before its cancel): show where it stands.
      await refresh(county, me).catch(() => undefined);
    }
  };

  function draw(broadcasts: readonly Broadcast[]): void {
    const canOperate = me.role !== "viewer";
    const articles = broadcasts.map((broadcast, index) => {
      const article = make("article", undefined, "broadcast");
      article.dataset.broadcast = broadcast.id;
      const headingId = `broadcast-${index}-title`;
      article.setAttribute("aria-labelledby", headingId);
      const heading = make("h3", `${kindNames[broadcast.kind]}: ${describeValues(broadcast)}`);
      heading.id = headingId;
      heading.tabIndex = -1;
      const facts = make("dl", undefined, "hold-facts");
      definition(facts, "State", statusText[broadcast.status]);
      definition(facts, "Audience", describeAudience(broadcast, view.labelOf));
      definition(facts, "Drafted", `${view.dateTime(broadcast.createdAt)} by ${broadcast.createdBy}`);
      if (broadcast.approvedBy)
        definition(facts, "Approved", `${view.dateTime(broadcast.approvedAt)} by ${broadcast.approvedBy}`);
      if (broadcast.sentBy) definition(facts, "Sent", `${view.dateTime(broadcast.sendingAt)} by ${broadcast.sentBy}`);
      if (broadcast.cancelledBy)
        definition(facts, "Cancelled", `${view.dateTime(broadcast.cancelledAt)} by ${broadcast.cancelledBy}`);
      if (broadcast.status === "sending" || broadcast.status === "sent" || broadcast.sentBy) {
        const { voters, sent, waiting, failed } = broadcast.progress;
        definition(
          facts,
          "Progress",
          `${view.formatNumber(voters)} voters reached: ${view.formatNumber(sent)} sent, ${view.formatNumber(waiting)} waiting for contact hours, ${view.formatNumber(failed)} failed`,
        );
      }
      article.append(heading, facts);
      const offered: (Action | "preview")[] = [];
      if (canOperate && broadcast.status !== "sent" && broadcast.status !== "cancelled") offered.push("preview");
      if (me.role === "approver" && broadcast.status === "draft" && broadcast.createdBy !== me.name)
        offered.push("approve");
      if (canOperate && broadcast.status === "approved") offered.push("send");
      if (canOperate && ["draft", "approved", "sending"].includes(broadcast.status)) offered.push("cancel");
      if (offered.length > 0) {
        const buttons = make("div", undefined, "hold-actions");
        for (const action of offered) {
          const button = make(
            "button",
            action === "preview" ? "Preview" : actions[action].label,
            action === "send" || action === "approve" ? "" : "secondary",
          );
          button.type = "button";
          button.dataset.action = action;
          button.setAttribute("aria-describedby", headingId);
          button.addEventListener("click", () =>
            action === "preview"
              ? void showPreview(broadcast).catch((error: unknown) => fail("The preview", error))
              : void act(broadcast, action, button),
          );
          buttons.append(button);
        }
        article.append(buttons);
      }
      if (broadcast.status === "draft" && broadcast.createdBy === me.name && me.role === "approver") {
        article.append(make("p", "You drafted this one: another approver must approve it.", "muted"));
      }
      return article;
    });
    if (articles.length === 0) articles.push(make("p", "No broadcasts yet."));
    list.replaceChildren(...articles);
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearInvalid();
    view.error.textContent = "";
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const variables =
      kind.value === "deadline_reminder"
        ? { deadline: value("deadline") }
        : { placeName: value("placeName"), placeAddress: value("placeAddress") };
    const zips = value("zips")
      .split(/[\s,]+/)
      .filter(Boolean);
    const statuses = [...(form.elements.namedItem("statuses") as HTMLSelectElement).selectedOptions].map(
      (option) => option.value,
    );
    const audience = {
      ...(value("electionId") ? { electionId: value("electionId") } : {}),
      ...(zips.length ? { zips } : {}),
      ...(statuses.length ? { statuses } : {}),
    };
    try {
      const broadcast = await view.post<Broadcast>(`/counties/${encodeURIComponent(county)}/broadcasts`, {
        kind: kind.value,
        variables: Object.fromEntries(Object.entries(variables).filter(([, text]) => text !== "")),
        audience,
      });
      await refresh(county, me);
      await showPreview(broadcast);
    } catch (error) {
      fail("Drafting the broadcast", error);
    }
  });

  async function refresh(nextCounty: string, identity: { name: string; role: Role }): Promise<void> {
    if (nextCounty !== county) {
      previewBox.hidden = true;
      previewBox.replaceChildren();
    }
    county = nextCounty;
    me = identity;
    form.hidden = me.role === "viewer";
    note.hidden = me.role !== "viewer";
    const { broadcasts } = await view.getJson<{ broadcasts: Broadcast[] }>(
      `/counties/${encodeURIComponent(county)}/broadcasts?limit=20`,
    );
    const key = JSON.stringify([county, me, broadcasts]);
    if (key === drawn) return;
    drawn = key;
    draw(broadcasts);
  }

  return { refresh };
}
