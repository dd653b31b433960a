import { agendaSheetName, type AgendaRequest } from "../../engine/agenda/planSurgeryAgenda";
import { SURGERIES, type SurgeryType } from "../../engine/agenda/SurgeryType";
import type { EpochDay } from "../../engine/dates/epochDay";
import { profileSheet, type TrackerProfile } from "../../engine/profile/TrackerProfile";
import type { SheetInfo } from "../../engine/port/WorkbookPort";
import { legalSheetName } from "../../engine/sheets/outputSheetName";
import { ownOutput } from "../../jobs/outputSheets";
import { cellOf, type TrackerTable } from "../../engine/tables/TrackerTable";
import { parseUkDateInput } from "./ukDateInput";

/** The Agenda job's form as the user filled it in: text fields, not yet read. */
export interface AgendaForm {
  surgery: SurgeryType;
  /** dd/mm/yyyy */
  date: string;
  /** dd/mm/yyyy, or blank for none. */
  next: string;
  /** Narrow to a team or a worker: which, and the name typed or picked. */
  filterBy: "everyone" | "team" | "worker";
  filterValue: string;
  /** Full names on the agenda; initials and IDs otherwise (the privacy default). */
  names: boolean;
  /** List every open case, not only those with something to discuss (`--all` on the command line). */
  all: boolean;
}

export type AgendaFormResult = { ok: true; request: AgendaRequest } | { ok: false; problems: string[] };

/**
 * Reads the form into the agenda job's request, or says in plain words what is wrong with it (every
 * problem, so the user fixes them in one go).
 */
export function readAgendaForm(form: AgendaForm, asOf: EpochDay, generatedAt: string): AgendaFormResult {
  const problems: string[] = [];
  const date = parseUkDateInput(form.date);
  if (date === undefined) problems.push("Enter the surgery date as dd/mm/yyyy.");
  let next: EpochDay | undefined;
  if (form.next.trim() !== "") {
    next = parseUkDateInput(form.next);
    if (next === undefined) problems.push("Enter the next surgery date as dd/mm/yyyy, or leave it blank.");
    else if (date !== undefined && next <= date) problems.push("The next surgery must be after this one.");
  }
  const filterValue = form.filterValue.trim();
  if (form.filterBy !== "everyone" && filterValue === "")
    problems.push(`Choose the ${form.filterBy} the agenda is for, or choose everyone.`);
  if (problems.length > 0 || date === undefined) return { ok: false, problems };
  const request: AgendaRequest = {
    surgery: form.surgery,
    date,
    asOf,
    names: form.names,
    all: form.all,
    generatedAt,
  };
  if (next !== undefined) request.next = next;
  if (form.filterBy === "team") request.team = filterValue;
  if (form.filterBy === "worker") request.worker = filterValue;
  return { ok: true, request };
}

/**
 * The sheet the agenda will be written to, and whether one of that name is there already (the job
 * replaces it in place, keeping typed actions: the pane says so before the user generates).
 */
export function agendaTarget(
  request: AgendaRequest,
  sheets: readonly SheetInfo[],
): { name: string; exists: boolean } {
  const name = legalSheetName(agendaSheetName(SURGERIES[request.surgery], request));
  // Only the add-in's own agenda is replaced: a user's sheet of that name is left alone.
  const existing = ownOutput(sheets, name);
  return { name: existing?.name ?? name, exists: existing !== undefined };
}

/**
 * The teams and workers an agenda can be narrowed to: those the surgery's tracker sheet names, as
 * its cells show them, sorted. Picking beats typing: a misspelt name would give an empty agenda.
 */
export function agendaChoices(
  tables: readonly TrackerTable[],
  profile: TrackerProfile,
  surgery: SurgeryType,
): { teams: string[]; workers: string[] } {
  const sheetKey = SURGERIES[surgery].sheet;
  const table = tables.find((t) => t.sheetKey === sheetKey);
  const workerColumn = profileSheet(profile, sheetKey)?.workerColumn;
  const distinct = (key: string | undefined): string[] => {
    if (!table || key === undefined) return [];
    const names = new Set<string>();
    for (const row of table.rows) {
      const value = cellOf(row, key);
      if (typeof value === "string" && value.trim() !== "") names.add(value.trim());
    }
    return [...names].sort((a, b) => a.localeCompare(b, "en-GB"));
  };
  return { teams: distinct(TEAM_COLUMN), workers: distinct(workerColumn) };
}

/** The default profile's team column on every sheet. */
const TEAM_COLUMN = "team";
