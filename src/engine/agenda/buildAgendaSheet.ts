import { coerceCellDate } from "../cells/coerceCellDate";
import { formatUkDate } from "../dates/epochDay";
import type { Rag } from "../evaluation/StandardResult";
import type { CellStyle, ModelCell, ModelValue, SheetModel } from "../port/SheetModel";
import { fitRowHeights } from "../sheets/fitRowHeights";
import { cellAddress, columnLetters } from "../tables/cellAddress";
import { ACTION_HEADERS, ID_HEADER, type AgreedActions } from "./AgendaActions";
import type { AgendaCase, SurgeryAgenda, WorkerBlock } from "./planSurgeryAgenda";

/** Excel's own "Good / Neutral / Bad" cell styles, so the colours read as Excel users expect. */
export const RAG_STYLE: Readonly<Record<Rag, CellStyle>> = {
  red: { fill: "FFC7CE", fontColor: "9C0006" },
  amber: { fill: "FFEB9C", fontColor: "9C5700" },
  green: { fill: "C6EFCE", fontColor: "006100" },
  grey: { fill: "D9D9D9", fontColor: "404040" },
  none: { fontColor: "808080" },
};

const BASIS_WORDS = {
  STAT: "statutory",
  SG: "statutory guidance",
  NMS: "NMS",
  LOCAL: "local target",
} as const;
const WORKER_FILL = "DDEBF7";
const HEADER_FILL = "1F4E78";

/*
 * A case row's styles, made once and shared by every cell: a new style object per cell was most of
 * the agenda's time and memory at 10,000 rows (issue 9). Frozen, because they are shared.
 */
const CASE: CellStyle = Object.freeze({ border: true, vertical: "top", wrap: true });
const CASE_WORKER: CellStyle = Object.freeze({ ...CASE, fontColor: "808080", size: 9 });
const CASE_ID: CellStyle = Object.freeze({ ...CASE, fontColor: "0563C1" });
const CASE_STATUS: Readonly<Record<Rag, CellStyle>> = Object.freeze({
  red: Object.freeze({ ...CASE, ...RAG_STYLE.red, horizontal: "center" }),
  amber: Object.freeze({ ...CASE, ...RAG_STYLE.amber, horizontal: "center" }),
  green: Object.freeze({ ...CASE, ...RAG_STYLE.green, horizontal: "center" }),
  grey: Object.freeze({ ...CASE, ...RAG_STYLE.grey, horizontal: "center" }),
  none: Object.freeze({ ...CASE, ...RAG_STYLE.none, horizontal: "center" }),
});
const CASE_AGREED_OVERDUE: CellStyle = Object.freeze({ ...CASE, ...RAG_STYLE.amber });
const CASE_BY_WHEN: CellStyle = Object.freeze({ ...CASE, numberFormat: "dd/mm/yyyy" });

/**
 * The agenda as a print-ready sheet: a heading block, one header row (repeated on every printed
 * page), then each worker's block: a heading with counts, what was done on time, and the cases.
 * Landscape, one page wide, gridlines off; blank action columns for the meeting to type into.
 */
export function buildAgendaSheet(agenda: SurgeryAgenda, sheetName: string): SheetModel {
  const { request, surgery } = agenda;
  const cells: ModelCell[] = [];
  const merges: string[] = [];
  const put = (
    row: number,
    column: number,
    value: ModelValue,
    style?: CellStyle,
    link?: ModelCell["link"],
  ): void => {
    // Written out rather than spread: this runs for every cell of every case.
    if (style && link) cells.push({ row, column, value, style, link });
    else if (style) cells.push({ row, column, value, style });
    else if (link) cells.push({ row, column, value, link });
    else cells.push({ row, column, value });
  };

  const headers = [
    "Worker",
    ID_HEADER,
    surgery.caseNoun === "child" ? "Child" : "Household",
    ...agenda.keyHeaders,
    ...agenda.standards.map((s) => s.title),
    "To discuss",
    "Notes",
    "Agreed last time",
    ACTION_HEADERS.action,
    ACTION_HEADERS.byWhom,
    ACTION_HEADERS.byWhen,
  ];
  const lastColumn = headers.length;
  const col = {
    key: 4,
    standards: 4 + agenda.keyHeaders.length,
    toDiscuss: 4 + agenda.keyHeaders.length + agenda.standards.length,
  };
  const after = col.toDiscuss;
  const columnWidths: Record<number, number> = { 1: 12, 2: 9, 3: request.names ? 16 : 8 };
  agenda.keyHeaders.forEach((_, i) => (columnWidths[col.key + i] = 10.5));
  agenda.standards.forEach((_, i) => (columnWidths[col.standards + i] = 10.5));
  Object.assign(columnWidths, {
    [after]: 46,
    [after + 1]: 28,
    [after + 2]: 28,
    [after + 3]: 30,
    [after + 4]: 14,
    [after + 5]: 11,
  });

  const heading = (row: number, value: string, style: CellStyle): void => {
    put(row, 1, value, { ...style, wrap: true, vertical: "top" });
    merges.push(`A${row}:${columnLetters(lastColumn)}${row}`);
  };

  const filter = request.worker ?? request.team;
  heading(1, `${surgery.title} — ${formatUkDate(request.date)}`, { bold: true, size: 14 });
  heading(2, filter === undefined ? "All teams and workers" : `For ${filter}`, { size: 11 });
  heading(
    3,
    [
      `As of ${formatUkDate(request.asOf)}`,
      request.next === undefined
        ? undefined
        : `next surgery ${formatUkDate(request.next)} (what falls due before it is listed)`,
      `done on time since ${formatUkDate(agenda.since)} is acknowledged`,
      `generated ${request.generatedAt}`,
    ]
      .filter((t) => t !== undefined)
      .join(" · "),
    { italic: true, size: 9 },
  );
  heading(
    4,
    `Standards: ${agenda.standards.map((s) => `${s.title} (${BASIS_WORDS[s.basis]}, ${s.source})`).join("; ")}`,
    { size: 9, wrap: true },
  );
  heading(
    5,
    request.names
      ? "Full names are shown: keep this agenda within the meeting and store it securely."
      : "Initials and IDs only. Cases are listed worst first; sibling groups together.",
    { italic: true, size: 9 },
  );

  const headerRow = 7;
  headers.forEach((title, i) =>
    put(headerRow, i + 1, title, {
      bold: true,
      fill: HEADER_FILL,
      fontColor: "FFFFFF",
      wrap: true,
      vertical: "middle",
      border: true,
    }),
  );

  let row = headerRow + 1;
  if (agenda.workers.length === 0) {
    heading(row, "Nothing to discuss: no case is overdue, due soon or missing dates for this selection.", {
      italic: true,
    });
    row++;
  }
  for (const block of agenda.workers) {
    row = writeWorkerBlock(block, row);
  }

  function writeWorkerBlock(block: WorkerBlock, first: number): number {
    let r = first;
    const counts = `${block.overdue} overdue · ${block.dueSoon} due soon · ${block.cannotAssess} dates to check`;
    // Worker headings and notes span the row from column A, so column B (ID) holds only cases.
    put(r, 1, `${block.worker} — ${counts}`, { bold: true, fill: WORKER_FILL, border: true });
    merges.push(`A${r}:${columnLetters(lastColumn)}${r}`);
    r++;
    if (block.doneOnTime.length > 0) {
      put(r, 1, `Done on time: ${block.doneOnTime.join("; ")}`, {
        italic: true,
        size: 9,
        fontColor: "006100",
        wrap: true,
      });
      merges.push(`A${r}:${columnLetters(lastColumn)}${r}`);
      r++;
    }
    for (const agendaCase of block.cases) {
      writeCase(agendaCase, block.worker, r);
      r++;
    }
    return r;
  }

  function writeCase(c: AgendaCase, worker: string, r: number): void {
    const border = CASE;
    put(r, 1, worker, CASE_WORKER);
    put(r, 2, c.id, CASE_ID, {
      sheet: agenda.trackerSheetName,
      cell: cellAddress(c.rowNumber, agenda.trackerIdColumn),
    });
    put(r, 3, c.shownName, border);
    for (let i = 0; i < c.keyValues.length; i++) put(r, col.key + i, c.keyValues[i] as ModelValue, border);
    for (let i = 0; i < c.statuses.length; i++) {
      const s = c.statuses[i] as AgendaCase["statuses"][number];
      put(r, col.standards + i, s.text, CASE_STATUS[s.rag]);
    }
    put(r, after, c.toDiscuss.join("\n"), border);
    put(r, after + 1, c.notes, border);
    put(
      r,
      after + 2,
      agreedText(c.agreedLastTime, c.agreedLastTimeOverdue),
      c.agreedLastTimeOverdue ? CASE_AGREED_OVERDUE : border,
    );
    put(r, after + 3, c.typed?.action ?? "", border);
    put(r, after + 4, c.typed?.byWhom ?? "", border);
    put(r, after + 5, c.typed ? byWhenValue(c.typed) : "", CASE_BY_WHEN);
  }

  return {
    name: sheetName,
    purpose: "agenda",
    cells,
    merges,
    columnWidths,
    rowHeights: fitRowHeights(cells, columnWidths, merges),
    freeze: { rows: headerRow, columns: 3 },
    // An agenda is wide (every standard has a column): A3 landscape keeps it readable at one page wide.
    print: {
      orientation: "landscape",
      fitToWidth: true,
      paperSize: "A3",
      repeatRows: { first: headerRow, last: headerRow },
    },
    showGridlines: false,
    autoFilter: `A${headerRow}:${columnLetters(lastColumn)}${Math.max(headerRow, row - 1)}`,
  };
}

function agreedText(agreed: AgreedActions | null, overdue: boolean): string {
  if (agreed === null) return "";
  const when = byWhenText(agreed.byWhen);
  const parts = [
    agreed.action,
    agreed.byWhom === "" ? "" : `by ${agreed.byWhom}`,
    when === "" ? "" : `by ${when}`,
  ];
  const text = parts.filter((p) => p !== "").join(", ");
  return overdue ? `${text} (past its date)` : text;
}

function byWhenText(value: AgreedActions["byWhen"]): string {
  const v = byWhenValue({ action: "", byWhom: "", byWhen: value });
  if (typeof v === "object" && v !== null) return formatUkDate(v.date);
  return v === null ? "" : String(v);
}

/** A typed "By when" is kept as the user typed it: a date stays a date, text stays text. */
function byWhenValue(agreed: AgreedActions): ModelValue {
  const date = coerceCellDate(agreed.byWhen);
  if (date.kind === "date") return { date: date.day };
  const value = agreed.byWhen;
  return typeof value === "string" || typeof value === "number" ? value : null;
}
