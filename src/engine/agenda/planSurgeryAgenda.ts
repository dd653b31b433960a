import type { CellValue } from "../cells/CellValue";
import { NO_DAY, formatUkDate, type EpochDay } from "../dates/epochDay";
import type { SheetEvaluation, TrackerEvaluation } from "../evaluation/evaluateTracker";
import { STATUS, type StandardResults } from "../evaluation/StandardResults";
import { normaliseHeader, type SheetSpec } from "../profile/TrackerProfile";
import type { Standard } from "../standards/Standard";
import type { TrackerRow, TrackerTable } from "../tables/TrackerTable";
import type { AgreedActions } from "./AgendaActions";
import {
  AgendaCase,
  MARK,
  carriedActions,
  caseCells,
  caseSource,
  cleanName,
  type CaseSource,
} from "./agendaCases";
import { actionLines, statusWords, ukDates } from "./agendaWords";
import { addRankedCase, orderCases, rankOf, rankedCases, type RankedCases } from "./caseOrder";
import { SURGERIES, type SurgeryDefinition, type SurgeryType } from "./SurgeryType";
import {
  familyFindingRoutes,
  ROUTE_WORDS,
  type FamilyFindingRoute,
} from "../familyFinding/familyFindingRoute";
import { shownCellText } from "../cells/shownCellText";

export { AgendaCase } from "./agendaCases";
export type { AgendaStatusCell } from "./agendaWords";

export interface AgendaRequest {
  surgery: SurgeryType;
  /** The day of the surgery. */
  date: EpochDay;
  asOf: EpochDay;
  /** The next surgery: what falls due before it is listed too. */
  next?: EpochDay;
  team?: string;
  worker?: string;
  /** Full names; otherwise initials and IDs only. */
  names: boolean;
  /** List every open case, not only those with something to discuss. */
  all: boolean;
  /** When the agenda was generated, as the user's clock says (the engine has none). */
  generatedAt: string;
}

export interface AgendaSources {
  evaluation: TrackerEvaluation;
  table: TrackerTable;
  sheet: SheetSpec;
  standards: readonly Standard[];
  /** Actions from the latest earlier agenda of the same surgery type, by case ID. */
  agreedLastTime?: ReadonlyMap<string, AgreedActions>;
  /** When that earlier surgery was: work done on time since then is acknowledged. */
  lastSurgery?: EpochDay;
  /** What users typed into this very agenda before it was regenerated: kept, never lost. */
  typedHere?: ReadonlyMap<string, AgreedActions>;
}

export interface WorkerBlock {
  worker: string;
  /** The kind of case the block holds when a surgery keeps kinds apart ("adoption"). */
  stream?: string;
  cases: AgendaCase[];
  overdue: number;
  dueSoon: number;
  cannotAssess: number;
  /** Done on time since the last surgery, briefly: good work is seen as well as drift. */
  doneOnTime: string[];
}

export interface SurgeryAgenda {
  request: AgendaRequest;
  surgery: SurgeryDefinition;
  sheetName: string;
  /** The tracker sheet the cases link to, and the column of its IDs there. */
  trackerSheetName: string;
  trackerIdColumn: number;
  keyHeaders: string[];
  standards: readonly Standard[];
  workers: WorkerBlock[];
  /** Since when "done on time" is counted. */
  since: EpochDay;
  /** What the meeting should know about where the agenda's facts came from. */
  notes: string[];
}

const UNALLOCATED = "Unallocated";
const DONE_ON_TIME_SHOWN = 5;

/**
 * Plans a surgery agenda: which cases to discuss, grouped by worker (alphabetical), worst first within
 * a worker (overdue by most working days, then due soon, then cannot assess), children of one sibling
 * group together, each with its action lines in plain, neutral words.
 *
 * It reads the evaluation's and the table's columns rather than a record per row, and words only the
 * cases it lists: a 100,000-row joint tracker took a second to plan the other way.
 */
export function planSurgeryAgenda(request: AgendaRequest, sources: AgendaSources): SurgeryAgenda {
  const surgery = SURGERIES[request.surgery];
  const { sheet, table, evaluation } = sources;
  const standards = sources.standards.filter((s) => s.enabled && s.sheet === surgery.sheet);
  const since = sources.lastSurgery ?? request.date - 28;
  const planner = casePlanner(request, sources, surgery, standards, since);
  for (const evaluated of evaluation.sheets)
    if (evaluated.sheet === surgery.sheet) planner.addSheet(evaluated);

  return {
    request,
    surgery,
    sheetName: agendaSheetName(surgery, request),
    trackerSheetName: table.sheetName,
    trackerIdColumn: table.columns.find((c) => c.key === sheet.idColumn)?.column ?? 1,
    keyHeaders: surgery.keyColumns.map((key) => {
      const title = sheet.columns.find((c) => c.key === key)?.title ?? key;
      const borrowed = table.borrowed?.find((b) => b.key === key);
      return borrowed === undefined ? title : `${title} (${borrowed.fromSheetName})`;
    }),
    standards,
    workers: planner.workerBlocks(),
    since,
    notes: borrowedNotes(table, sheet),
  };
}

/** Where borrowed columns came from, and the rows that found nothing there: one line per source sheet. */
function borrowedNotes(table: TrackerTable, sheet: SheetSpec): string[] {
  const used = (table.borrowed ?? []).filter((b) => b.found > 0 || b.notFound.length > 0);
  const sources = [...new Set(used.map((b) => b.fromSheetName))];
  return sources.map((source) => {
    const columns = used.filter((b) => b.fromSheetName === source);
    const titles = columns.map((b) => sheet.columns.find((c) => c.key === b.key)?.title ?? b.key);
    const named =
      titles.length === 1
        ? (titles[0] as string)
        : `${titles.slice(0, -1).join(", ")} and ${(titles.at(-1) as string).toLowerCase()}`;
    const notFound = columns[0]?.notFound ?? [];
    const ids = notFound.slice(0, 5).map((r) => r.id ?? `row ${r.rowNumber}`);
    const missing =
      notFound.length === 0
        ? ""
        : ` ${notFound.length} ${notFound.length === 1 ? "child has" : "children have"} no ${source} row (${ids.join(", ")}${notFound.length > ids.length ? "…" : ""}).`;
    return `${named}: read from each child's ${source} row by child ID, as the ${table.sheetName} sheet has no such column.${missing}`;
  });
}

/** A worker as the rows name them: the name shown, the key rows are grouped by, and their block. */
interface WorkerName {
  name: string;
  key: string;
  block: BlockDraft | undefined;
}

/** A worker's block while rows are read. */
interface BlockDraft {
  worker: string;
  stream: FamilyFindingRoute | undefined;
  cases: RankedCases<AgendaCase>;
  overdue: number;
  dueSoon: number;
  cannotAssess: number;
  /** The first few things done on time, worded; only they are shown, with how many more. */
  doneShown: string[];
  doneCount: number;
}

/** Reads one surgery's rows into worker blocks of ranked cases. */
interface CasePlanner {
  /** Reads the rows of one evaluated sheet of the surgery's kind. */
  addSheet(evaluated: SheetEvaluation): void;
  /** The blocks with cases, workers alphabetical, each worst first. */
  workerBlocks(): WorkerBlock[];
}

/* A literal over this function's state, not a class instance (docs/performance.md, "Literals, not classes"). */
function casePlanner(
  request: AgendaRequest,
  sources: AgendaSources,
  surgery: SurgeryDefinition,
  standards: readonly Standard[],
  since: EpochDay,
): CasePlanner {
  const standardsById = new Map(standards.map((s) => [s.id, s] as const));
  const dates = ukDates();
  const words = statusWords(dates);
  const actions = actionLines(dates, standardsById, request.next);
  const cells = caseCells(sources.table, sources.sheet, surgery, dates, request.names);
  const carried = carriedActions(sources.agreedLastTime, sources.typedHere, request.date);
  const blocks = new Map<string, BlockDraft>();
  // Workers and teams by their cells: a tracker names a few hundred, on many thousands of rows.
  const workers = new Map<string | null, WorkerName>();
  const teams = new Map<CellValue, string>();
  const wantedTeam = request.team === undefined ? undefined : normaliseHeader(request.team);
  const wantedWorker = request.worker === undefined ? undefined : workerKey(request.worker);

  const workerOf = (cell: string | null): WorkerName => {
    let worker = workers.get(cell);
    if (worker === undefined) {
      const name = cleanName(cell) ?? UNALLOCATED;
      worker = { name, key: workerKey(name), block: undefined };
      workers.set(cell, worker);
    }
    return worker;
  };

  const teamOf = (cell: CellValue): string => {
    let team = teams.get(cell);
    if (team === undefined) {
      team = normaliseHeader(shownCellText(cell));
      // Text and blanks repeat; a date or error cell object would only fill the memo.
      if (cell === null || typeof cell === "string") teams.set(cell, team);
    }
    return team;
  };

  /** The block of the worker's key: cells spelling one worker differently share it. */
  const blockOf = (worker: WorkerName, stream?: FamilyFindingRoute): BlockDraft => {
    const key = stream === undefined ? worker.key : `${worker.key}\u0000${stream}`;
    let block = blocks.get(key);
    if (!block) {
      block = {
        worker: worker.name,
        stream,
        cases: rankedCases<AgendaCase>(),
        overdue: 0,
        dueSoon: 0,
        cannotAssess: 0,
        doneShown: [],
        doneCount: 0,
      };
      blocks.set(key, block);
    }
    return block;
  };

  /** What the row's worker met on time since the last surgery, as far as the block will show. */
  const noteDoneOnTime = (block: BlockDraft, source: CaseSource, i: number, id: string): void => {
    const { chosen } = source;
    for (let k = 0; k < chosen.length; k++) {
      const r = chosen[k] as StandardResults;
      if (r.status[i] !== STATUS.met) continue;
      const end = r.end[i] as number;
      if (end === NO_DAY || end <= since || end > request.asOf) continue;
      block.doneCount++;
      if (block.doneShown.length < DONE_ON_TIME_SHOWN)
        block.doneShown.push(`${(source.standards[k] as Standard).title} for ${id} on ${dates.text(end)}`);
    }
  };

  return {
    addSheet(evaluated) {
      const source = caseSource(evaluated, cells, carried, standardsById, words, actions);
      const marks = source.marks(request.next, since, request.asOf);
      const inTable = tableIndexes(evaluated.rows, sources.table.rows);
      const streams = surgery.apart === "route" ? familyFindingRoutes(evaluated) : undefined;
      for (let i = 0; i < marks.length; i++) {
        const t = inTable === undefined ? i : (inTable[i] as number);
        if (t < 0) continue;
        const worker = workerOf(evaluated.workers[i] ?? null);
        if (wantedWorker !== undefined && worker.key !== wantedWorker) continue;
        if (wantedTeam !== undefined && teamOf(cells.teams[t] ?? null) !== wantedTeam) continue;
        const stream = streams?.[i];
        const block = stream === undefined ? (worker.block ??= blockOf(worker)) : blockOf(worker, stream);
        const mark = marks[i] as number;
        if (mark === 0 && !carried.any) continue;

        const rowNumber = (evaluated.rows[i] as TrackerRow).rowNumber;
        const id = evaluated.ids[i] ?? `row ${rowNumber}`;
        if ((mark & MARK.doneOnTime) !== 0) noteDoneOnTime(block, source, i, id);
        const listed =
          (mark & MARK.action) !== 0 ||
          (request.all && (mark & MARK.open) !== 0) ||
          (carried.any && (carried.agreedFor(id) !== null || carried.typedFor(id) !== null));
        if (!listed) continue;

        countStatuses(block, source.chosen, i);
        const siblingGroup = cells.siblingGroupOf(t);
        addRankedCase(
          block.cases,
          new AgendaCase(id, rowNumber, siblingGroup, source, i, t),
          rankOfRow(source.chosen, i),
          siblingGroup === null ? null : siblingGroup.toLowerCase(),
        );
      }
    },

    workerBlocks: () =>
      [...blocks.values()]
        .filter((b) => b.cases.length > 0)
        .sort((a, b) => compareWorkers(a.worker, b.worker) || compareStreams(a.stream, b.stream))
        .map((b) => ({
          worker: b.worker,
          ...(b.stream === undefined ? {} : { stream: ROUTE_WORDS[b.stream] }),
          cases: orderCases(b.cases),
          overdue: b.overdue,
          dueSoon: b.dueSoon,
          cannotAssess: b.cannotAssess,
          doneOnTime:
            b.doneCount <= DONE_ON_TIME_SHOWN
              ? b.doneShown
              : [...b.doneShown, `and ${b.doneCount - DONE_ON_TIME_SHOWN} more`],
        })),
  };
}

/**
 * Where each evaluated row is in the table, when the evaluation was made from other rows than the
 * table's own (matched by row number; -1 when not there); undefined when they are the table's rows.
 */
function tableIndexes(
  evaluated: readonly TrackerRow[],
  table: readonly TrackerRow[],
): Int32Array | undefined {
  if (evaluated === table) return undefined;
  const byNumber = new Map(table.map((r, t) => [r.rowNumber, t] as const));
  return Int32Array.from(evaluated, (r) => byNumber.get(r.rowNumber) ?? -1);
}

function countStatuses(block: BlockDraft, chosen: readonly StandardResults[], i: number): void {
  for (const results of chosen) {
    const code = results.status[i];
    if (code === STATUS.overdue) block.overdue++;
    else if (code === STATUS.dueSoon) block.dueSoon++;
    else if (code === STATUS.cannotAssess) block.cannotAssess++;
  }
}

/** Overdue by the most working days first, then due soon by the fewest left, then dates to check. */
function rankOfRow(chosen: readonly StandardResults[], i: number): number {
  let mostOverdue: number | undefined;
  let fewestLeft: number | undefined;
  let cannotAssess = false;
  for (const results of chosen) {
    const code = results.status[i];
    if (code === STATUS.overdue) {
      const by = orZero(results.overdueWorkingDays[i] as number);
      mostOverdue = mostOverdue === undefined ? by : Math.max(mostOverdue, by);
    } else if (code === STATUS.dueSoon) {
      const left = orZero(results.workingDaysLeft[i] as number);
      fewestLeft = fewestLeft === undefined ? left : Math.min(fewestLeft, left);
    } else if (code === STATUS.cannotAssess) cannotAssess = true;
  }
  if (mostOverdue !== undefined) return rankOf(0, -mostOverdue);
  if (fewestLeft !== undefined) return rankOf(1, fewestLeft);
  return rankOf(cannotAssess ? 2 : 3, 0);
}

function orZero(value: number): number {
  return value === NO_DAY ? 0 : value;
}

/** "Agenda JTM 2026-11-24", with the team or worker when filtered; legal and unique come later. */
export function agendaSheetName(surgery: SurgeryDefinition, request: AgendaRequest): string {
  const iso = isoOf(request.date);
  const filter = request.worker ?? request.team;
  return filter === undefined ? `Agenda ${surgery.code} ${iso}` : `Agenda ${surgery.code} ${iso} ${filter}`;
}

/** Reads "Agenda JTM 2026-11-24…" back: the surgery code and date of an agenda sheet. */
export function parseAgendaSheetName(name: string): { code: string; date: string } | undefined {
  const m = /^Agenda ([A-Z]{2,3}) (\d{4}-\d{2}-\d{2})/.exec(name);
  return m ? { code: m[1] as string, date: m[2] as string } : undefined;
}

function isoOf(day: EpochDay): string {
  const [dd, mm, yyyy] = formatUkDate(day).split("/");
  return `${yyyy}-${mm}-${dd}`;
}

/** "jane  smith " and "Jane Smith" are one worker on an agenda. */
function workerKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

/** Adoption before long-term fostering within a worker's cases. */
function compareStreams(a: FamilyFindingRoute | undefined, b: FamilyFindingRoute | undefined): number {
  if (a === b) return 0;
  return a === "adoption" ? -1 : b === "adoption" ? 1 : 0;
}

const NAME_ORDER = new Intl.Collator("en-GB", { sensitivity: "base" });

function compareWorkers(a: string, b: string): number {
  // Unallocated cases come last: they need a worker before anything else.
  if (a === UNALLOCATED) return b === UNALLOCATED ? 0 : 1;
  if (b === UNALLOCATED) return -1;
  return NAME_ORDER.compare(a, b);
}
