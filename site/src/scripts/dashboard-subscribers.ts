// The dashboard's "Subscribers" section: voters signed up for alerts by channel and language, those waiting for
// their confirmation, and those who cannot be reached (GET /v1/dashboard/counties/:county/subscribers), as figures,
// a chart and tables. Written with textContent only, like the rest of the dashboard.
import { languageNames } from "./dashboard-broadcasts.ts";

const channels = [
  ["email", "Email", "#0b5394"],
  ["sms", "Text (SMS)", "#1b7837"],
  ["voice", "Voice call", "#6a3d9a"],
] as const;
type Channel = (typeof channels)[number][0];

export interface Subscribers {
  voters: {
    onRoll: number;
    confirmed: number;
    pending: number;
    unreachable: number;
    allChannelsDead: number;
    noChannel: number;
  };
  byChannel: Record<Channel, { confirmed: number; pending: number; opted_out: number; refused: number }>;
  byLanguage: ({ language: string } & Record<Channel, { confirmed: number; pending: number }>)[];
}

export interface SubscribersView {
  readonly figures: HTMLElement;
  readonly chart: SVGSVGElement;
  readonly legend: HTMLElement;
  readonly byChannel: HTMLTableElement;
  readonly byLanguage: HTMLTableElement;
  readonly formatNumber: (value: number) => string;
  readonly getJson: <T>(path: string) => Promise<T>;
}

const svgNs = "http://www.w3.org/2000/svg";

function svg(tag: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const shape = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) shape.setAttribute(name, String(value));
  if (text !== undefined) shape.textContent = text;
  return shape;
}

function fillBody(table: HTMLTableElement, rows: readonly (readonly string[])[]): void {
  const body = document.createElement("tbody");
  for (const values of rows) {
    const row = body.insertRow();
    for (const [index, value] of values.entries()) {
      const cell = document.createElement(index === 0 ? "th" : "td");
      if (index === 0) cell.setAttribute("scope", "row");
      else cell.className = "number";
      cell.textContent = value;
      row.append(cell);
    }
  }
  if (rows.length === 0) {
    const cell = body.insertRow().insertCell();
    cell.textContent = "None yet.";
    cell.colSpan = table.tHead?.rows[0]?.cells.length ?? 1;
  }
  table.tBodies[0]?.replaceWith(body);
}

/** A row of figures (`<dl>` of label and number), each `warn`-marked when it needs attention. */
export function fillFigures(
  container: HTMLElement,
  formatNumber: (value: number) => string,
  items: readonly (readonly [label: string, value: number, warn: boolean])[],
): void {
  container.replaceChildren(
    ...items.map(([label, value, warn]) => {
      const group = document.createElement("div");
      if (warn) group.className = "warn";
      const dt = document.createElement("dt");
      dt.textContent = label;
      const dd = document.createElement("dd");
      dd.textContent = formatNumber(value);
      group.append(dt, dd);
      return group;
    }),
  );
}

/** A chart's legend: each line's colour (a picture only) and its name. */
export function fillLegend(
  container: HTMLElement,
  lines: readonly (readonly [key: string, label: string, color: string])[],
) {
  container.replaceChildren(
    ...lines.map(([, label, color]) => {
      const item = document.createElement("li");
      const swatch = document.createElement("span");
      swatch.style.background = color;
      swatch.setAttribute("aria-hidden", "true");
      item.append(swatch, label);
      return item;
    }),
  );
}

export function createSubscribersSection(view: SubscribersView) {
  const { formatNumber } = view;

  function renderFigures(subscribers: Subscribers): void {
    fillFigures(view.figures, formatNumber, [
      ["Subscribed (alerts reach them)", subscribers.voters.confirmed, false],
      ["Waiting for their confirmation", subscribers.voters.pending, false],
      ["Cannot be reached", subscribers.voters.unreachable, subscribers.voters.unreachable > 0],
      ["of whom: every channel dead", subscribers.voters.allChannelsDead, subscribers.voters.allChannelsDead > 0],
      ["of whom: no channel at all", subscribers.voters.noChannel, false],
      ["Voters on the roll", subscribers.voters.onRoll, false],
    ]);
  }

  /** Confirmed channels per language, one bar per channel; the same numbers are in the table below it. */
  function renderChart(subscribers: Subscribers): void {
    const rows = subscribers.byLanguage;
    const rowHeight = 3 * 12 + 10;
    const left = 92;
    const width = 640;
    const height = Math.max(1, rows.length) * rowHeight + 8;
    const max = Math.max(1, ...rows.flatMap((row) => channels.map(([channel]) => row[channel].confirmed)));
    const title = view.chart.querySelector("title");
    const shapes: SVGElement[] = [];
    for (const [index, row] of rows.entries()) {
      const top = 4 + index * rowHeight;
      shapes.push(
        svg(
          "text",
          { x: left - 6, y: top + 22, "text-anchor": "end", "font-size": 12 },
          languageNames[row.language] ?? row.language,
        ),
      );
      for (const [position, [channel, , color]] of channels.entries()) {
        const value = row[channel].confirmed;
        const barWidth = value > 0 ? Math.max(1, ((width - left - 60) * value) / max) : 0;
        const y = top + position * 12;
        shapes.push(svg("rect", { x: left, y, width: barWidth, height: 10, fill: color }));
        shapes.push(svg("text", { x: left + barWidth + 4, y: y + 9, "font-size": 10 }, formatNumber(value)));
      }
    }
    view.chart.setAttribute("viewBox", `0 0 ${width} ${height}`);
    view.chart.replaceChildren(...(title ? [title] : []), ...shapes);
    if (title) {
      title.textContent =
        rows.length === 0
          ? "Confirmed subscribers by language and channel: none yet"
          : `Confirmed subscribers by language and channel: ${rows
              .map(
                (row) =>
                  `${languageNames[row.language] ?? row.language} ${channels
                    .map(([channel, label]) => `${label.toLowerCase()} ${row[channel].confirmed}`)
                    .join(", ")}`,
              )
              .join("; ")}`;
    }
    fillLegend(view.legend, channels);
  }

  function render(subscribers: Subscribers): void {
    renderFigures(subscribers);
    renderChart(subscribers);
    fillBody(
      view.byChannel,
      channels.map(([channel, label]) => {
        const standing = subscribers.byChannel[channel];
        return [
          label,
          ...[standing.confirmed, standing.pending, standing.opted_out, standing.refused].map(formatNumber),
        ];
      }),
    );
    fillBody(
      view.byLanguage,
      subscribers.byLanguage.map((row) => [
        languageNames[row.language] ?? row.language,
        ...channels.flatMap(([channel]) => [formatNumber(row[channel].confirmed)]),
        formatNumber(channels.reduce((sum, [channel]) => sum + row[channel].pending, 0)),
      ]),
    );
  }

  return {
    async refresh(county: string): Promise<void> {
      render(await view.getJson<Subscribers>(`/counties/${encodeURIComponent(county)}/subscribers`));
    },
  };
}
