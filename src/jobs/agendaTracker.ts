import { readAgendaActions, type AgreedActions } from "../engine/agenda/AgendaActions";
import { buildAgendaSheet } from "../engine/agenda/buildAgendaSheet";
import {
  agendaSheetName,
  parseAgendaSheetName,
  planSurgeryAgenda,
  type AgendaRequest,
  type SurgeryAgenda,
} from "../engine/agenda/planSurgeryAgenda";
import { SURGERIES } from "../engine/agenda/SurgeryType";
import { parseIsoDate, type EpochDay } from "../engine/dates/epochDay";
import type { WorkbookPort } from "../engine/port/WorkbookPort";
import { sameSheetName } from "../engine/port/ownedSheets";
import { ownOutput, ownOutputs } from "./outputSheets";
import { profileSheet } from "../engine/profile/TrackerProfile";
import { legalSheetName } from "../engine/sheets/outputSheetName";
import { recordStatusHistory, statusTracker } from "./statusTracker";

export type AgendaOutcome =
  | {
      kind: "written";
      agenda: SurgeryAgenda;
      sheetName: string;
      /** An agenda of the same surgery and date was there and has been replaced in place. */
      replaced: boolean;
      /** What the user must be told: another name because a user's sheet had this one, say. */
      notes: string[];
      /** The earlier agenda whose actions were carried forward, if any. */
      carriedFrom: string | null;
    }
  | { kind: "no-tracker-sheet"; message: string };

/**
 * The agenda job: evaluates the tracker as of the request's date, carries forward the actions of the
 * latest earlier agenda of the same surgery type, keeps whatever was typed into this agenda if it is
 * being regenerated, and writes the agenda sheet (replacing, never duplicating, the same agenda).
 * Everything is computed before anything is written.
 */
export async function agendaTracker(
  port: WorkbookPort,
  request: AgendaRequest,
  /** Today, the day the Tracker history says the dates were seen; the as-of date when absent. */
  today?: EpochDay,
): Promise<AgendaOutcome> {
  const surgery = SURGERIES[request.surgery];
  const status = await statusTracker(port, { asOf: request.asOf });
  const sheet = profileSheet(status.profile, surgery.sheet);
  const table = status.tables.find((t) => t.sheetKey === surgery.sheet);
  if (!sheet || !table) {
    return {
      kind: "no-tracker-sheet",
      message: `The workbook has no ${sheet?.title ?? surgery.sheet} sheet with a header row the add-in can read, so there is no ${surgery.title.toLowerCase()} agenda to write.`,
    };
  }

  const sheets = await port.listSheets();
  const wantedName = legalSheetName(agendaSheetName(surgery, request));
  // Agendas are read back by the name they were written as. Sheets not in the register of the
  // add-in's sheets are read too, after ours: an agenda an earlier version wrote, or one saved by a
  // program that drops the register (LibreOffice, say), still carries its actions forward. Reading
  // is all that is done with them; such a sheet is never replaced (writeSheet decides that).
  const unregistered = sheets
    .filter((s) => s.output === undefined)
    .map((s) => ({ name: s.name, output: s.name }));
  const same = ownOutput(sheets, wantedName) ?? unregistered.find((s) => sameSheetName(s.name, wantedName));
  const previous = latestEarlierAgenda([...ownOutputs(sheets), ...unregistered], surgery.code, request.date);

  let agreedLastTime: Map<string, AgreedActions> | undefined;
  if (previous) agreedLastTime = readAgendaActions(await port.readSheet(previous.name));
  const typedHere = same ? readAgendaActions(await port.readSheet(same.name)) : undefined;

  const agenda = planSurgeryAgenda(request, {
    evaluation: status.evaluation,
    table,
    sheet,
    standards: status.standards,
    ...(agreedLastTime ? { agreedLastTime } : {}),
    ...(previous ? { lastSurgery: previous.date } : {}),
    ...(typedHere ? { typedHere } : {}),
  });
  await recordStatusHistory(port, status, today);
  const written = await port.writeSheet(buildAgendaSheet(agenda, wantedName));
  return {
    kind: "written",
    agenda,
    sheetName: written.name,
    replaced: written.replaced,
    notes: written.notes,
    carriedFrom: previous?.name ?? null,
  };
}

/** The most recent agenda sheet of a surgery type held before the given date. */
function latestEarlierAgenda(
  outputs: readonly { name: string; output: string }[],
  code: string,
  before: EpochDay,
): { name: string; date: EpochDay } | undefined {
  let latest: { name: string; date: EpochDay } | undefined;
  for (const { name, output } of outputs) {
    const parsed = parseAgendaSheetName(output);
    if (!parsed || parsed.code !== code) continue;
    const date = parseIsoDate(parsed.date);
    if (date === undefined || date >= before) continue;
    if (!latest || date > latest.date) latest = { name, date };
  }
  return latest;
}
