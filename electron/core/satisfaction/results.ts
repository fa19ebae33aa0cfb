import type { SatisfactionGroup, SatisfactionResultsView, SatisfactionSummary } from '@shared/contract';
import { addDays } from '@shared/dates/calendar';
import { CHANNELS, type Channel } from '@shared/domain/channels';
import { ASPECTS, MIN_EMPLOYEE_RATINGS, SCORES } from '@shared/domain/satisfaction';
import { VISIT_REASONS, type VisitReason } from '@shared/domain/visit';
import type { Db } from '../store/store';
import { needsFollowUp } from './follow-ups';
import { selectRatings, toComment, type RatingRow } from './rating-rows';

/** The newest comments a results page lists. */
const COMMENTS_SHOWN = 300;
/** A period up to this many days has its trend per day, a longer one per month. */
const DAILY_TREND_DAYS = 31;

/** Counts one group's finished visits and counted ratings. */
class Tally {
  finished = 0;
  ratings = 0;
  private sum = 0;
  private satisfied = 0;
  rate(overall: number) {
    this.ratings++;
    this.sum += overall;
    if (overall >= 4) this.satisfied++;
  }
  view(): SatisfactionGroup {
    return {
      finished: this.finished,
      ratings: this.ratings,
      responseRate: this.finished > 0 ? Math.min(1, this.ratings / this.finished) : null,
      mean: this.ratings > 0 ? this.sum / this.ratings : null,
      satisfiedShare: this.ratings > 0 ? this.satisfied / this.ratings : null,
    };
  }
}

class Tallies<K> {
  readonly map = new Map<K, Tally>();
  of(key: K): Tally {
    let t = this.map.get(key);
    if (!t) this.map.set(key, (t = new Tally()));
    return t;
  }
}

/** The period's visits that could be rated (finished), grouped as the results group them. */
async function finishedVisits(db: Db, from: string, to: string) {
  return db
    .selectFrom('visits')
    .select(['day', 'serving_desk_id', 'reason', 'channel'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('state', '=', 'done')
    .groupBy(['day', 'serving_desk_id', 'reason', 'channel'])
    .execute();
}

async function periodRatings(db: Db, from: string, to: string): Promise<RatingRow[]> {
  return selectRatings(db).where('s.day', '>=', from).where('s.day', '<=', to).orderBy('s.day', 'desc').orderBy('s.id').execute();
}

function summaryOf(all: Tally, rows: RatingRow[]): SatisfactionSummary {
  const counted = rows.filter((r) => !r.misuse);
  const low = counted.filter(needsFollowUp);
  return {
    ...all.view(),
    flagged: rows.length - counted.length,
    distribution: SCORES.map((score) => ({ score, count: counted.filter((r) => r.overall === score).length })),
    aspects: ASPECTS.map((aspect) => {
      const given = counted.map((r) => r[aspect]).filter((v): v is number => v !== null);
      return { aspect, count: given.length, mean: given.length > 0 ? given.reduce((a, b) => a + b, 0) / given.length : null };
    }),
    bySource: { kiosk: counted.filter((r) => r.source === 'kiosk').length, paper: counted.filter((r) => r.source === 'paper').length },
    anonymous: counted.filter((r) => r.visit_id === null).length,
    withComment: counted.filter((r) => !!r.comment).length,
    lowToFollow: low.length,
    followedUp: low.filter((r) => r.followed_up_at !== null).length,
  };
}

/** The period's satisfaction in a few figures (the period report and the evidence pack, P6–P7). */
export async function loadSatisfactionSummary(db: Db, from: string, to: string): Promise<SatisfactionSummary> {
  const all = new Tally();
  // One count, not the results' groups: a year's groups are read from every visit row, the count from an index alone.
  const finished = await db
    .selectFrom('visits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('state', '=', 'done')
    .executeTakeFirstOrThrow();
  all.finished = Number(finished.n);
  const rows = await periodRatings(db, from, to);
  for (const r of rows) if (!r.misuse) all.rate(r.overall);
  return summaryOf(all, rows);
}

/**
 * P6, P7: the supervisors' results. Misuse is left out of every figure. Per employee only for a
 * supervisor, only from MIN_EMPLOYEE_RATINGS up, in the order of names — never ranked.
 */
export async function loadSatisfactionResults(db: Db, from: string, to: string, forSupervisor: boolean): Promise<SatisfactionResultsView> {
  const daily = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1 <= DAILY_TREND_DAYS;
  const periodOf = (day: string) => (daily ? day : day.slice(0, 7));
  const all = new Tally();
  const trend = new Tallies<string>();
  const desks = new Tallies<number | null>();
  const reasons = new Tallies<VisitReason>();
  const channels = new Tallies<Channel>();
  const employees = new Tallies<number>();
  for (let d = from; d <= to; d = addDays(d, 1)) trend.of(periodOf(d));

  for (const v of await finishedVisits(db, from, to)) {
    const n = Number(v.n);
    all.finished += n;
    trend.of(periodOf(v.day)).finished += n;
    desks.of(v.serving_desk_id).finished += n;
    reasons.of(v.reason).finished += n;
    channels.of(v.channel).finished += n;
  }
  const rows = await periodRatings(db, from, to);
  const names = new Map<number, string>();
  const deskNames = new Map((await db.selectFrom('desks').select(['id', 'name']).execute()).map((d) => [d.id, d.name]));
  for (const r of rows) {
    if (r.misuse) continue;
    all.rate(r.overall);
    trend.of(periodOf(r.day)).rate(r.overall);
    desks.of(r.desk_id).rate(r.overall);
    reasons.of(r.reason).rate(r.overall);
    channels.of(r.channel).rate(r.overall);
    if (r.served_by !== null) {
      employees.of(r.served_by).rate(r.overall);
      names.set(r.served_by, r.served_by_name ?? '');
    }
  }

  let employeeView: SatisfactionResultsView['employees'] = null;
  if (forSupervisor) {
    const list = [...employees.map].map(([userId, t]) => ({ name: names.get(userId) ?? '', ...t.view() }));
    employeeView = {
      shown: list
        .filter((e) => e.ratings >= MIN_EMPLOYEE_RATINGS)
        .sort((a, b) => a.name.localeCompare(b.name, 'ar'))
        .map(({ name, ratings, mean, satisfiedShare }) => ({ name, ratings, mean, satisfiedShare })),
      hidden: list.filter((e) => e.ratings < MIN_EMPLOYEE_RATINGS).length,
    };
  }

  return {
    from,
    to,
    summary: summaryOf(all, rows),
    trend: { unit: daily ? 'day' : 'month', points: [...trend.map].map(([period, t]) => ({ period, ...t.view() })) },
    byDesk: [...desks.map]
      .map(([deskId, t]) => ({ deskId, deskName: deskId === null ? null : (deskNames.get(deskId) ?? null), ...t.view() }))
      .sort((a, b) => (a.deskName ?? '').localeCompare(b.deskName ?? '', 'ar')),
    byReason: VISIT_REASONS.filter((reason) => reasons.map.has(reason)).map((reason) => ({ reason, ...reasons.of(reason).view() })),
    byChannel: CHANNELS.filter((channel) => channels.map.has(channel)).map((channel) => ({ channel, ...channels.of(channel).view() })),
    comments: rows
      .filter((r) => !r.misuse && !!r.comment)
      .slice(0, COMMENTS_SHOWN)
      .map(toComment),
    employees: employeeView,
  };
}
