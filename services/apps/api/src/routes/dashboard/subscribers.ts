import { channelStandings, voterStandings } from "@ballot/adapters/redis/subscriber-counts";
import { channels, languages } from "@ballot/core";
import type { Hono } from "hono";
import type { StaffEnvContext } from "../../staff-auth.ts";
import { listedBallots } from "./ballot-list.ts";
import { authoriseRead, csvAnswer, csvRowsAnswer, type DashboardDeps, pageParams, todayOf } from "./support.ts";

type Standings = Record<(typeof channelStandings)[number], number>;
type Live = { confirmed: number; pending: number };

export interface CountySubscribers {
  readonly county: string;
  readonly asOf: string;
  /**
   * The county's voters: `onRoll` (voter records), `confirmed` (alerts reach them on at least one channel), `pending`
   * (waiting for their confirmation, none confirmed), and `unreachable`: `allChannelsDead` (every channel they gave
   * opted out or refused for good) plus `noChannel` (on the roll, no channel at all).
   */
  readonly voters: {
    readonly onRoll: number;
    readonly confirmed: number;
    readonly pending: number;
    readonly unreachable: number;
    readonly allChannelsDead: number;
    readonly noChannel: number;
  };
  /** Channels by how they stand: confirmed, pending, opted out (STOP, unsubscribe), refused for good. */
  readonly byChannel: Record<(typeof channels)[number], Standings>;
  /** Confirmed and pending channels by the language their messages go in; languages with none left out. */
  readonly byLanguage: ({ language: string } & Record<(typeof channels)[number], Live>)[];
}

function votersOf(count: (field: string) => number, onRoll: number): CountySubscribers["voters"] {
  const confirmed = count("v:confirmed");
  const pending = count("v:pending");
  const allChannelsDead = count("v:unreachable");
  const noChannel = Math.max(0, onRoll - confirmed - pending - allChannelsDead);
  return { onRoll, confirmed, pending, unreachable: allChannelsDead + noChannel, allChannelsDead, noChannel };
}

/**
 * The county's subscriber figures from its counters (subscriber-counts.ts) and its voters on the roll: one hash and
 * one field, no subscription read. A voter whose subscription is counted before their roll record is (a roll
 * enrolment that came first) makes `noChannel` one less than it is, never below 0, until the record comes.
 */
export function subscribersOf(
  county: string,
  counts: Record<string, string>,
  onRoll: number,
  now: Date,
): CountySubscribers {
  const count = (field: string) => Number(counts[field] ?? 0);
  const byLanguage = languages
    .map((language) => ({
      language,
      ...(Object.fromEntries(
        channels.map((channel) => [
          channel,
          {
            confirmed: count(`l:${language}:${channel}:confirmed`),
            pending: count(`l:${language}:${channel}:pending`),
          },
        ]),
      ) as Record<(typeof channels)[number], Live>),
    }))
    .filter((row) => channels.some((channel) => row[channel].confirmed + row[channel].pending > 0));
  return {
    county,
    asOf: now.toISOString(),
    voters: votersOf(count, onRoll),
    byChannel: Object.fromEntries(
      channels.map((channel) => [
        channel,
        Object.fromEntries(channelStandings.map((standing) => [standing, count(`c:${channel}:${standing}`)])),
      ]),
    ) as Record<(typeof channels)[number], Standings>,
    byLanguage,
  };
}

/** The figures' fields of the counts hash: the hash also holds every day's sign-ups, which a viewer need not read. */
const figureFields = [
  ...voterStandings.map((standing) => `v:${standing}`),
  ...channels.flatMap((channel) => channelStandings.map((standing) => `c:${channel}:${standing}`)),
  ...languages.flatMap((language) =>
    channels.flatMap((channel) => [`l:${language}:${channel}:confirmed`, `l:${language}:${channel}:pending`]),
  ),
];

export async function readSubscribers(deps: DashboardDeps, county: string): Promise<CountySubscribers> {
  const [values, onRoll] = await Promise.all([
    deps.redis.hmget(deps.keys.subscriberCounts(county), ...figureFields),
    deps.redis.hget(deps.keys.voterCounts(), county),
  ]);
  const counts: Record<string, string> = {};
  values.forEach((value, index) => {
    if (value !== null) counts[figureFields[index] as string] = value;
  });
  return subscribersOf(county, counts, Number(onRoll ?? 0), deps.now());
}

/** One voter who cannot be reached, named by their ballot (as every dashboard list is), never by voter id. */
interface UnreachableVoter {
  readonly ballotId: string;
  readonly status: string;
  readonly zip: string;
  /** Each channel and why it is dead, e.g. `email:refused sms:opted_out`. */
  readonly channels: string;
  readonly unreachableSince: string;
}

/**
 * GET /v1/dashboard/counties/:county/subscribers[?format=csv]: the county's subscribers by channel and how each
 * stands, by language and channel, and voters confirmed, pending and unreachable (every channel dead, or none), from
 * the counters moved with each subscription change and each voter record. CSV (operator): one row per channel and language, and one per channel with every standing.
 *
 * GET /v1/dashboard/counties/:county/unreachable[?offset&limit|format=csv]: the voters whose every channel is opted
 * out or refused for good (those with no channel at all are the roll less the subscribers: counted, not listed), longest unreachable first, each named by their current ballot (id, status, ZIP) with their channels.
 */
export function registerDashboardSubscribers(app: Hono<StaffEnvContext>, deps: DashboardDeps) {
  app.get("/counties/:county/subscribers", async (c) => {
    const auth = await authoriseRead(c, deps, "subscribers");
    if (!auth.ok) return auth.answer;
    const { csv } = auth;
    const figures = await readSubscribers(deps, auth.county);
    if (!csv) return c.json(figures);
    const rows = [
      ...channels.map((channel) => [
        channel,
        "all",
        ...channelStandings.map((name) => figures.byChannel[channel][name]),
      ]),
      ...figures.byLanguage.flatMap((row) =>
        channels.map((channel) => [channel, row.language, row[channel].confirmed, row[channel].pending, "", ""]),
      ),
    ];
    const filename = `${auth.county}-subscribers-${todayOf(deps)}.csv`;
    return csvRowsAnswer(c, filename, ["channel", "language", ...channelStandings], rows);
  });

  const read = async (county: string, offset: number, limit: number): Promise<UnreachableVoter[]> => {
    const members = await deps.redis.zrange(
      deps.keys.unreachableVoters(county),
      String(offset),
      String(offset + limit - 1),
      "WITHSCORES",
    );
    const voterIds = members.filter((_, position) => position % 2 === 0);
    const [standings, ballotKeys] = await Promise.all([
      deps.subscriptions.standingsOf(voterIds),
      deps.store.index.ballotKeysOfVoters(voterIds),
    ]);
    // Every ballot of the page's voters in one read, each scored by its voter's place on the page.
    const ballots = await listedBallots(
      deps,
      ballotKeys.flatMap((keys, position) => keys.flatMap((key) => [key, String(position)])),
    );
    return voterIds.map((_, position) => {
      const own = ballots.filter(({ score }) => score === position).map(({ ballot }) => ballot);
      const current = own.find((ballot) => ballot.status !== "superseded") ?? own.at(-1);
      return {
        ballotId: current?.ballotId ?? "",
        status: current?.status ?? "",
        zip: current?.zip ?? "",
        channels: (standings[position] ?? []).map(({ channel, standing }) => `${channel}:${standing}`).join(" "),
        unreachableSince: new Date(Number(members[position * 2 + 1])).toISOString(),
      };
    });
  };
  const columns = ["ballotId", "status", "zip", "channels", "unreachableSince"] as const;

  app.get("/counties/:county/unreachable", async (c) => {
    const auth = await authoriseRead(c, deps, "unreachable");
    if (!auth.ok) return auth.answer;
    const { csv } = auth;
    const page = pageParams(c);
    if (!page.ok) return page.answer;
    if (csv) {
      return csvAnswer(c, `${auth.county}-unreachable-${todayOf(deps)}.csv`, columns, async (offset, limit) =>
        (await read(auth.county, offset, limit)).map((voter) => columns.map((column) => voter[column])),
      );
    }
    const [total, items] = await Promise.all([
      deps.redis.zcard(deps.keys.unreachableVoters(auth.county)),
      read(auth.county, page.value.offset, page.value.limit),
    ]);
    return c.json({ county: auth.county, total, offset: page.value.offset, limit: page.value.limit, items });
  });
}
