import { coerceCellDate } from "../cells/coerceCellDate";
import { isCellError, type CellValue } from "../cells/CellValue";
import { epochDayFromUtcDate, formatUkDate, type EpochDay } from "../dates/epochDay";
import type { RowEvaluation, TrackerEvaluation } from "../evaluation/evaluateTracker";
import { explainResult } from "../evaluation/explainResult";
import type { StandardResult } from "../evaluation/StandardResult";
import type { ModelValue } from "../port/SheetModel";
import { normaliseHeader, type SheetSpec } from "../profile/TrackerProfile";
import type { Standard } from "../standards/Standard";
import { cellOf, type TrackerRow, type TrackerTable } from "../tables/TrackerTable";
import type { AgreedActions } from "./AgendaActions";
import { initialsOf } from "./initialsOf";
import { SURGERIES, type SurgeryDefinition, type SurgeryType } from "./SurgeryType";

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

export interface AgendaStatusCell {
  standardId: string;
  text: string;
  rag: StandardResult["rag"];
}

export interface AgendaCase {
  id: string;
  /** Full name, or initials when names are not asked for. */
  shownName: string;
  rowNumber: number;
  siblingGroup: string | null;
  keyValues: ModelValue[];
  statuses: AgendaStatusCell[];
  /** One line per action needed, in plain words, worst first. */
  toDiscuss: string[];
  notes: string;
  agreedLastTime: AgreedActions | null;
  /** Whether the action agreed last time is past its "By when". */
  agreedLastTimeOverdue: boolean;
  typed: AgreedActions | null;
}

export interface WorkerBlock {
  worker: string;
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
}

const UNALLOCATED = "Unallocated";
const DONE_ON_TIME_SHOWN = 5;

/**
 * Plans a surgery agenda: which cases to discuss, grouped by worker (alphabetical), worst first within
 * a worker (overdue by most working days, then due soon, then cannot assess), children of one sibling
 * group together, each with its action lines in plain, neutral words.
 */
export function planSurgeryAgenda(request: AgendaRequest, sources: AgendaSources): SurgeryAgenda {
  const surgery = SURGERIES[request.surgery];
  const { sheet, table, evaluation } = sources;
  const standards = sources.standards.filter((s) => s.enabled && s.sheet === surgery.sheet);
  const standardsById = new Map(standards.map((s) => [s.id, s] as const));
  const rowsByNumber = new Map(table.rows.map((r) => [r.rowNumber, r] as const));
  const since = sources.lastSurgery ?? request.date - 28;
  const title = (id: string): string | undefined => standardsById.get(id)?.title;

  const wantedTeam = request.team === undefined ? undefined : normaliseHeader(request.team);
  const wantedWorker = request.worker === undefined ? undefined : workerKey(request.worker);

  const blocks = new Map<string, WorkerBlock>();
  const caseRank = new Map<AgendaCase, CaseRank>();
  for (const rowEvaluation of evaluation.rows) {
    if (rowEvaluation.sheet !== surgery.sheet) continue;
    const row = rowsByNumber.get(rowEvaluation.rowNumber);
    if (!row) continue;
    const workerName = cleanName(rowEvaluation.worker) ?? UNALLOCATED;
    if (wantedWorker !== undefined && workerKey(workerName) !== wantedWorker) continue;
    if (wantedTeam !== undefined && normaliseHeader(textOf(cellOf(row, "team"))) !== wantedTeam) continue;

    const results = rowEvaluation.results.filter((r) => standardsById.has(r.standardId));
    const block = blockFor(blocks, workerName);
    block.doneOnTime.push(...doneOnTime(rowEvaluation, results, since, request.asOf, title));

    const id = rowEvaluation.id ?? `row ${rowEvaluation.rowNumber}`;
    const agreedLastTime = sources.agreedLastTime?.get(id) ?? null;
    const typed = sources.typedHere?.get(id) ?? null;
    const toDiscuss = actionLines(results, standardsById, request, title);
    const open = results.some(
      (r) => r.status !== "not applicable" && r.status !== "met" && r.status !== "met late",
    );
    if (toDiscuss.length === 0 && agreedLastTime === null && typed === null && !(request.all && open))
      continue;

    for (const r of results) {
      if (r.status === "overdue") block.overdue++;
      else if (r.status === "due soon") block.dueSoon++;
      else if (r.status === "cannot assess") block.cannotAssess++;
    }
    const agendaCase: AgendaCase = {
      id,
      shownName: shownName(row, surgery, request.names),
      rowNumber: rowEvaluation.rowNumber,
      siblingGroup: sheet.columns.some((c) => c.key === "siblingGroup")
        ? cleanName(textOf(cellOf(row, "siblingGroup")))
        : null,
      keyValues: surgery.keyColumns.map((key) => keyValue(row, sheet, key)),
      statuses: results.map((r) => statusCell(r)),
      toDiscuss,
      notes: textOf(cellOf(row, "notes")),
      agreedLastTime,
      agreedLastTimeOverdue: agreedLastTime !== null && isPast(agreedLastTime.byWhen, request.date),
      typed,
    };
    block.cases.push(agendaCase);
    caseRank.set(agendaCase, rankOf(results, id));
  }

  const workers = [...blocks.values()]
    .filter((b) => b.cases.length > 0)
    .sort((a, b) => compareWorkers(a.worker, b.worker))
    .map((b) => ({ ...b, cases: orderCases(b.cases, caseRank), doneOnTime: briefly(b.doneOnTime) }));

  return {
    request,
    surgery,
    sheetName: agendaSheetName(surgery, request),
    trackerSheetName: table.sheetName,
    trackerIdColumn: table.columns.find((c) => c.key === sheet.idColumn)?.column ?? 1,
    keyHeaders: surgery.keyColumns.map((key) => sheet.columns.find((c) => c.key === key)?.title ?? key),
    standards,
    workers,
    since,
  };
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

interface CaseRank {
  tier: number;
  weight: number;
  id: string;
}

function rankOf(results: readonly StandardResult[], id: string): CaseRank {
  const overdue = results.filter((r) => r.status === "overdue");
  if (overdue.length > 0)
    return { tier: 0, weight: -Math.max(...overdue.map((r) => r.overdueWorkingDays ?? 0)), id };
  const dueSoon = results.filter((r) => r.status === "due soon");
  if (dueSoon.length > 0)
    return { tier: 1, weight: Math.min(...dueSoon.map((r) => r.workingDaysLeft ?? 0)), id };
  if (results.some((r) => r.status === "cannot assess")) return { tier: 2, weight: 0, id };
  return { tier: 3, weight: 0, id };
}

/*
 * One collator for every comparison: `localeCompare` with a locale and options builds one per call,
 * which made ordering a 100,000-case agenda take seconds (issue 9). Same order, by definition.
 */
const ID_ORDER = new Intl.Collator("en-GB", { numeric: true });
const NAME_ORDER = new Intl.Collator("en-GB", { sensitivity: "base" });

function compareRanks(a: CaseRank, b: CaseRank): number {
  return a.tier - b.tier || a.weight - b.weight || ID_ORDER.compare(a.id, b.id);
}

/** Worst first; a sibling group sits together at the place of its worst member. */
function orderCases(cases: AgendaCase[], ranks: ReadonlyMap<AgendaCase, CaseRank>): AgendaCase[] {
  const rank = (c: AgendaCase): CaseRank => ranks.get(c) as CaseRank;
  const groups = new Map<string, AgendaCase[]>();
  for (const c of cases) {
    const key = c.siblingGroup === null ? `id:${c.id}` : `group:${c.siblingGroup.toLowerCase()}`;
    const members = groups.get(key) ?? [];
    members.push(c);
    groups.set(key, members);
  }
  const ordered = [...groups.values()].map((members) =>
    members.sort((a, b) => compareRanks(rank(a), rank(b))),
  );
  ordered.sort((a, b) => compareRanks(rank(a[0] as AgendaCase), rank(b[0] as AgendaCase)));
  return ordered.flat();
}

function workingDays(n: number): string {
  return `${n} working day${n === 1 ? "" : "s"}`;
}

/**
 * The action lines of a case, neutral and supportive: "2nd CLA review overdue by 6 working days — due
 * 14/03/2025". A `met late` result is history, not an action: it shows in the status cells only.
 */
function actionLines(
  results: readonly StandardResult[],
  standardsById: ReadonlyMap<string, Standard>,
  request: AgendaRequest,
  title: (id: string) => string | undefined,
): string[] {
  const lines: { order: number; text: string }[] = [];
  for (const r of results) {
    const standard = standardsById.get(r.standardId) as Standard;
    const due = r.deadline === null ? "" : formatUkDate(r.deadline);
    switch (r.status) {
      case "overdue": {
        const by = r.overdueWorkingDays ?? 0;
        const text =
          by === 0
            ? `${standard.title} due today — due ${due}`
            : `${standard.title} overdue by ${workingDays(by)} — due ${due}`;
        lines.push({ order: -by, text });
        break;
      }
      case "due soon": {
        const left = r.workingDaysLeft ?? 0;
        lines.push({ order: 1000 + left, text: `${standard.title} due ${due} (in ${workingDays(left)})` });
        break;
      }
      case "cannot assess":
        lines.push({
          order: 3000,
          text: `Check the dates: ${explainResult(r, standard, { standardTitle: title })}`,
        });
        break;
      case "not yet due":
        if (request.next !== undefined && r.deadline !== null && r.deadline <= request.next) {
          lines.push({
            order: 2000 + r.deadline,
            text: `${standard.title} due ${due}, before the next surgery`,
          });
        }
        break;
      default:
        break;
    }
  }
  return lines.sort((a, b) => a.order - b.order).map((l) => l.text);
}

function doneOnTime(
  row: RowEvaluation,
  results: readonly StandardResult[],
  since: EpochDay,
  asOf: EpochDay,
  title: (id: string) => string | undefined,
): string[] {
  return results
    .filter((r) => r.status === "met" && r.end !== null && r.end > since && r.end <= asOf)
    .map(
      (r) =>
        `${title(r.standardId) ?? r.standardId} for ${row.id ?? `row ${row.rowNumber}`} on ${formatUkDate(r.end as EpochDay)}`,
    );
}

function briefly(items: string[]): string[] {
  if (items.length <= DONE_ON_TIME_SHOWN) return items;
  return [...items.slice(0, DONE_ON_TIME_SHOWN), `and ${items.length - DONE_ON_TIME_SHOWN} more`];
}

function statusCell(r: StandardResult): AgendaStatusCell {
  const due = r.deadline === null ? "" : formatUkDate(r.deadline);
  const done = r.end === null ? "" : formatUkDate(r.end);
  const text: Record<StandardResult["status"], string> = {
    overdue: `Overdue ${r.overdueWorkingDays ?? 0} WD`,
    "due soon": `Due ${due}`,
    "not yet due": `Due ${due}`,
    met: `Met ${done}`,
    "met late": `Met late ${done}`,
    "cannot assess": "Check data",
    "not applicable": "–",
  };
  return { standardId: r.standardId, text: text[r.status], rag: r.rag };
}

function blockFor(blocks: Map<string, WorkerBlock>, worker: string): WorkerBlock {
  const key = workerKey(worker);
  let block = blocks.get(key);
  if (!block) {
    block = { worker, cases: [], overdue: 0, dueSoon: 0, cannotAssess: 0, doneOnTime: [] };
    blocks.set(key, block);
  }
  return block;
}

/** "jane  smith " and "Jane Smith" are one worker on an agenda. */
function workerKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

function compareWorkers(a: string, b: string): number {
  // Unallocated cases come last: they need a worker before anything else.
  if (a === UNALLOCATED) return b === UNALLOCATED ? 0 : 1;
  if (b === UNALLOCATED) return -1;
  return NAME_ORDER.compare(a, b);
}

function cleanName(text: string | null): string | null {
  if (text === null) return null;
  const cleaned = text.trim().replace(/\s+/g, " ");
  return cleaned === "" ? null : cleaned;
}

function textOf(value: CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return formatUkDate(epochDayFromUtcDate(value));
  if (isCellError(value)) return value.error;
  return String(value).trim();
}

function shownName(row: TrackerRow, surgery: SurgeryDefinition, names: boolean): string {
  const name = textOf(cellOf(row, surgery.nameColumn));
  return names ? name : initialsOf(name);
}

function keyValue(row: TrackerRow, sheet: SheetSpec, key: string): ModelValue {
  const value = cellOf(row, key);
  const type = sheet.columns.find((c) => c.key === key)?.type;
  if (type === "date") {
    const date = coerceCellDate(value);
    if (date.kind === "date") return { date: date.day };
    return date.kind === "problem" ? date.problem.text : "";
  }
  if (type === "integer" && typeof value === "number") return value;
  return textOf(value);
}

function isPast(byWhen: CellValue, surgeryDate: EpochDay): boolean {
  const date = coerceCellDate(byWhen);
  return date.kind === "date" && date.day < surgeryDate;
}
