import { agendaSheetName, type AgendaRequest } from "../../engine/agenda/planSurgeryAgenda";
import { SURGERIES, type SurgeryType } from "../../engine/agenda/SurgeryType";
import type { EpochDay } from "../../engine/dates/epochDay";
import { legalSheetName } from "../../engine/sheets/outputSheetName";
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
    all: false,
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
  sheetNames: readonly string[],
): { name: string; exists: boolean } {
  const name = legalSheetName(agendaSheetName(SURGERIES[request.surgery], request));
  const existing = sheetNames.find((s) => s.toLowerCase() === name.toLowerCase());
  return { name: existing ?? name, exists: existing !== undefined };
}
