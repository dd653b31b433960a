import { addCalendarMonths } from "../calendar/calendarMonths";
import { epochDayFromParts, formatUkDate, type EpochDay } from "../dates/epochDay";
import type { ExtractProblem } from "./ExtractProblem";
import type { Ssda903Extract } from "./readSsda903Extract";
import type { Episode, ExtractSource, ReviewRecord, SocialWorkerRecord } from "./ssda903Records";
import { EPISODE_CONTINUES } from "./ssda903Codes";
import { returnYearOf } from "./extractDates";
import { allocatedWorkerOn } from "./workerIdsSheet";

/** A child's continuous time in care: episodes joined while each ends with REC X1. */
export interface CarePeriod {
  childKey: string;
  childId: string;
  /** The first episode's DECOM: the date the child became looked after. */
  start: EpochDay;
  /** The last episode's DEC when it ended with a reason other than X1; absent while in care. */
  end?: EpochDay;
  reasonEnded?: string;
  /**
   * The return the child's open episode is missing from: the child was no longer looked after by
   * then, on a day the extract does not give (see `settleOpenEpisodes`). Never read as in care.
   */
  absentFromReturn?: number;
  episodes: readonly Episode[];
}

/**
 * The system's view of one tracker row (a child's care period), in profile column keys' terms.
 * Values the extract does not give are absent: refresh never fills a cell from a guess.
 */
export interface SystemRow {
  childKey: string;
  childId: string;
  dateOfBirth?: EpochDay;
  becameLookedAfter: EpochDay;
  /** Legal status, placement type and provider now (at the period's end if it has ended). */
  legalStatus?: string;
  placementType?: string;
  placementProvider?: string;
  /** Start of the current placement: a change of legal status only (RNE L) keeps the placement. */
  placementStart?: EpochDay;
  /** Placements the child had at any time in the 12 months to the as-at day. */
  placementsLast12Months: number;
  firstReview?: EpochDay;
  secondReview?: EpochDay;
  /** The most recent review after the 2nd (trackers leave it blank until there is a 3rd). */
  latestReview?: EpochDay;
  /** Date ceased to be looked after, and the REC reason, when the period has ended. */
  ceased?: EpochDay;
  reasonCeased?: string;
  /** See `CarePeriod.absentFromReturn`: such a period is never appended as a child in care. */
  absentFromReturn?: number;
  /**
   * The allocated worker's case-system ID (SocialWorker, 2023-24 on): the allocation running on the
   * as-at day, or on the day the period ended.
   */
  socialWorkerId?: string;
  /** The worker's name, only from the user's Worker IDs sheet (see `workerIdsSheet`); never guessed. */
  socialWorker?: string;
  source: ExtractSource;
}

export interface SystemRowsOptions {
  /** The day "now" and "last 12 months" are counted to (the engine has no clock). */
  asOf: EpochDay;
}

/**
 * Care periods from the episodes, then one system row per period, with its reviews. A child whose
 * episodes do not add up (an open episode with a reason it ended, episodes that overlap, two open
 * episodes) is one problem saying how they were read; reviews outside every care period, and
 * children of the Episodes or Reviews tables missing from the Header table are problems too.
 */
export function buildSystemRows(
  extract: Ssda903Extract,
  options: SystemRowsOptions,
): { periods: CarePeriod[]; rows: SystemRow[]; problems: ExtractProblem[] } {
  const problems: ExtractProblem[] = [];
  const headerRead = extract.files.some((f) => f.table === "Header");
  const byChild = groupBy(extract.episodes, (e) => e.childKey);
  const periods: CarePeriod[] = [];
  for (const episodes of byChild.values()) periods.push(...carePeriodsOf(episodes, problems));
  if (headerRead) {
    for (const [key, episodes] of byChild) {
      const first = episodes[0];
      if (first && !extract.children.has(key)) {
        problems.push({
          code: "EPISODE-CHILD-NOT-IN-HEADER",
          severity: "warning",
          ...first.source,
          value: first.childId,
          message: `${first.source.file} line ${first.source.line}: child ${first.childId} has episodes but is not in the Header table (no date of birth)`,
        });
      }
    }
  }

  const periodsByChild = groupBy(periods, (p) => p.childKey);
  const reviewsByPeriod = new Map<CarePeriod, EpochDay[]>();
  const reportedChildren = new Set<string>();
  const outsideByChild = new Map<string, { at: number; reviews: ReviewRecord[] }>();
  for (const review of extract.reviews) {
    if (headerRead && !extract.children.has(review.childKey) && !reportedChildren.has(review.childKey)) {
      reportedChildren.add(review.childKey);
      problems.push({
        code: "REVIEW-CHILD-NOT-IN-HEADER",
        severity: "warning",
        ...review.source,
        value: review.childId,
        message: `${review.source.file} line ${review.source.line}: child ${review.childId} has reviews but is not in the Header table`,
      });
    }
    const period = (periodsByChild.get(review.childKey) ?? []).find((p) => within(review, p));
    if (!period) {
      const outside = outsideByChild.get(review.childKey);
      if (outside) outside.reviews.push(review);
      else
        outsideByChild.set(review.childKey, {
          at: problems.push(outsideProblem([review])) - 1,
          reviews: [review],
        });
      continue;
    }
    const list = reviewsByPeriod.get(period) ?? [];
    if (!list.includes(review.day)) list.push(review.day);
    reviewsByPeriod.set(period, list);
  }

  // One problem per child, however many of its reviews fall outside (a multi-year extract can hold
  // many of a care period whose episodes it lacks), where the child's first one was met.
  for (const { at, reviews } of outsideByChild.values()) problems[at] = outsideProblem(reviews);
  const allocations = groupBy(extract.socialWorkers, (a) => a.childKey);
  const reviewsFrom = reviewsCoverFrom(extract.reviews);
  const rows = periods.map((period) =>
    systemRowOf(
      period,
      extract,
      (reviewsByPeriod.get(period) ?? []).sort((a, b) => a - b),
      reviewsFrom !== undefined && period.start >= reviewsFrom,
      options.asOf,
      allocations.get(period.childKey) ?? [],
    ),
  );
  return { periods, rows, problems };
}

/**
 * The first day the extract's reviews cover: a return holds the reviews of its collection year (1
 * April to 31 March), so a care period that began before the earliest return's year has its 1st
 * and 2nd reviews in no file, and its earliest reviews in the extract are later ones. The start of
 * the collection year of the earliest review; undefined without reviews.
 */
function reviewsCoverFrom(reviews: readonly ReviewRecord[]): EpochDay | undefined {
  let earliest: number | undefined;
  for (const review of reviews) {
    const year = returnYearOf(review.day);
    if (earliest === undefined || year < earliest) earliest = year;
  }
  return earliest === undefined ? undefined : epochDayFromParts(earliest - 1, 4, 1);
}

function outsideProblem(reviews: readonly ReviewRecord[]): ExtractProblem {
  const first = reviews[0] as ReviewRecord;
  const days = reviews.map((r) => formatUkDate(r.day));
  return {
    code: "REVIEW-OUTSIDE-EPISODE",
    severity: "warning",
    ...first.source,
    value: days[0] as string,
    message:
      reviews.length === 1
        ? `${first.source.file} line ${first.source.line}: review of child ${first.childId} on ${days[0]} is outside every care period in the extract; it was left out`
        : `${first.source.file} line ${first.source.line}: ${reviews.length} reviews of child ${first.childId} (${days.join(", ")}) are outside every care period in the extract; they were left out`,
  };
}

function within(review: ReviewRecord, period: CarePeriod): boolean {
  return review.day >= period.start && (period.end === undefined || review.day <= period.end);
}

function carePeriodsOf(unsorted: readonly Episode[], problems: ExtractProblem[]): CarePeriod[] {
  const episodes = [...unsorted].sort((a, b) => a.start - b.start);
  const periods: CarePeriod[] = [];
  const issues: { episode: Episode; text: string }[] = [];
  let current: Episode[] = [];
  const close = (): void => {
    const first = current[0];
    const last = current[current.length - 1];
    if (!first || !last) return;
    const period: CarePeriod = {
      childKey: first.childKey,
      childId: first.childId,
      start: first.start,
      episodes: current,
    };
    // An episode that ended X1 with no episode after it leaves the child in care: the next year's
    // file (not given) holds the rest.
    if (last.end !== undefined && last.reasonEnded !== EPISODE_CONTINUES) {
      period.end = last.end;
      if (last.reasonEnded !== undefined) period.reasonEnded = last.reasonEnded;
    }
    if (last.end === undefined && last.absentFromReturn !== undefined)
      period.absentFromReturn = last.absentFromReturn;
    periods.push(period);
    current = [];
  };
  for (const episode of episodes) {
    const from = formatUkDate(episode.start);
    if (episode.end === undefined && episode.reasonEnded !== undefined) {
      issues.push({
        episode,
        text: `the episode from ${from} has a reason it ended (${episode.reasonEnded}) but no DEC, so it is read as open`,
      });
    }
    if (episode.end !== undefined && episode.end < episode.start) {
      issues.push({
        episode,
        text: `the episode from ${from} ends (${formatUkDate(episode.end)}) before it begins; it is read as written`,
      });
    }
    const previous = current[current.length - 1];
    if (previous) {
      const since = formatUkDate(previous.start);
      if (previous.end === undefined) {
        issues.push({
          episode,
          text:
            episode.end === undefined
              ? `the episodes from ${since} and ${from} are both open, so the later is read as the current one`
              : `the episode from ${from} begins while the one from ${since} is still open, so both are read as one care period`,
        });
      } else if (previous.end > episode.start) {
        issues.push({
          episode,
          text: `the episode from ${from} begins before the one from ${since} ended (${formatUkDate(previous.end)}), so both are read as one care period`,
        });
      } else if (previous.reasonEnded !== EPISODE_CONTINUES) {
        close();
      }
    }
    current.push(episode);
  }
  close();
  const first = issues[0];
  if (first) {
    // One problem per child, however many of its episodes disagree: the first row to look at, and
    // every way the child's episodes were read.
    const { episode } = first;
    problems.push({
      code: "EPISODES-INCONSISTENT",
      severity: "warning",
      ...episode.source,
      value: formatUkDate(episode.start),
      message: `${episode.source.file} line ${episode.source.line}: child ${episode.childId}'s episodes do not add up: ${issues.map((i) => `${i.text} (line ${i.episode.source.line})`).join("; ")}`,
    });
  }
  return periods;
}

function systemRowOf(
  period: CarePeriod,
  extract: Ssda903Extract,
  reviews: readonly EpochDay[],
  /** Whether the extract's reviews go back to the period's start, so its first two are the 1st and 2nd. */
  reviewsFromStart: boolean,
  asOf: EpochDay,
  allocations: readonly SocialWorkerRecord[],
): SystemRow {
  const episodes = period.episodes;
  const last = episodes[episodes.length - 1] as Episode;
  const row: SystemRow = {
    childKey: period.childKey,
    childId: extract.children.get(period.childKey)?.id ?? period.childId,
    becameLookedAfter: period.start,
    placementsLast12Months: placementsInYearTo(episodes, asOf),
    source: (episodes[0] as Episode).source,
  };
  const dob = extract.children.get(period.childKey)?.dob;
  if (dob !== undefined) row.dateOfBirth = dob;
  if (last.legalStatus !== undefined) row.legalStatus = last.legalStatus;
  if (last.placementType !== undefined) row.placementType = last.placementType;
  if (last.placementProvider !== undefined) row.placementProvider = last.placementProvider;
  const placements = placementRuns(episodes);
  const current = placements[placements.length - 1];
  if (current) row.placementStart = current.start;
  if (reviewsFromStart && reviews[0] !== undefined) row.firstReview = reviews[0];
  if (reviewsFromStart && reviews[1] !== undefined) row.secondReview = reviews[1];
  if (reviews.length >= 3) row.latestReview = reviews[reviews.length - 1] as EpochDay;
  if (period.end !== undefined) row.ceased = period.end;
  if (period.reasonEnded !== undefined) row.reasonCeased = period.reasonEnded;
  if (period.absentFromReturn !== undefined) row.absentFromReturn = period.absentFromReturn;
  const worker = allocatedWorkerOn(allocations, Math.min(asOf, period.end ?? asOf));
  if (worker) row.socialWorkerId = worker.workerId;
  return row;
}

/** Placements as runs of episodes: RNE L (legal status only) continues the placement before it. */
function placementRuns(episodes: readonly Episode[]): { start: EpochDay; end?: EpochDay }[] {
  const runs: { start: EpochDay; end?: EpochDay }[] = [];
  for (const episode of episodes) {
    const run = runs[runs.length - 1];
    if (run && episode.reasonNew === "L") {
      if (episode.end === undefined) delete run.end;
      else run.end = episode.end;
      continue;
    }
    runs.push(
      episode.end === undefined ? { start: episode.start } : { start: episode.start, end: episode.end },
    );
  }
  return runs;
}

function placementsInYearTo(episodes: readonly Episode[], asOf: EpochDay): number {
  const from = addCalendarMonths(asOf, -12);
  return placementRuns(episodes).filter(
    (run) => run.start <= asOf && (run.end === undefined || run.end >= from),
  ).length;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
