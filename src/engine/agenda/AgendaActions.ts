import type { CellValue } from "../cells/CellValue";
import type { SheetSnapshot } from "../port/WorkbookPort";

/** The headers of an agenda's action columns: typed by the meeting, carried into the next agenda. */
export const ACTION_HEADERS = { action: "Action agreed", byWhom: "By whom", byWhen: "By when" } as const;
export const ID_HEADER = "ID";

/** What a meeting agreed for one child or household, as typed into an agenda. */
export interface AgreedActions {
  action: string;
  byWhom: string;
  /** As typed: usually a date, sometimes text ("next surgery"). */
  byWhen: CellValue;
}

const text = (value: CellValue | undefined): string =>
  value === null || value === undefined ? "" : value instanceof Date ? "" : String(value).trim();

/**
 * Reads the actions typed into an agenda sheet, by case ID: the header row is the one holding the
 * ID and the three action headers, so a user's inserted rows or widened columns do not matter.
 * Rows with no ID (worker headings) and rows with nothing typed are left out.
 */
export function readAgendaActions(snapshot: SheetSnapshot): Map<string, AgreedActions> {
  const actions = new Map<string, AgreedActions>();
  const headerIndex = snapshot.values.findIndex(
    (row) => row.some((c) => text(c) === ID_HEADER) && row.some((c) => text(c) === ACTION_HEADERS.action),
  );
  if (headerIndex < 0) return actions;
  const header = (snapshot.values[headerIndex] ?? []).map(text);
  const col = (title: string): number => header.indexOf(title);
  const [idCol, actionCol, whomCol, whenCol] = [
    col(ID_HEADER),
    col(ACTION_HEADERS.action),
    col(ACTION_HEADERS.byWhom),
    col(ACTION_HEADERS.byWhen),
  ];
  for (const row of snapshot.values.slice(headerIndex + 1)) {
    const id = text(row[idCol]);
    if (id === "") continue;
    const agreed: AgreedActions = {
      action: text(row[actionCol]),
      byWhom: whomCol < 0 ? "" : text(row[whomCol]),
      byWhen: whenCol < 0 ? null : (row[whenCol] ?? null),
    };
    const byWhenEmpty =
      agreed.byWhen === null || (text(agreed.byWhen) === "" && !(agreed.byWhen instanceof Date));
    if (agreed.action === "" && agreed.byWhom === "" && byWhenEmpty) continue;
    actions.set(id, agreed);
  }
  return actions;
}
