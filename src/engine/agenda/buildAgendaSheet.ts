import { coerceCellDate } from "../cells/coerceCellDate";
import { formatUkDate } from "../dates/epochDay";
import type { Rag } from "../evaluation/StandardResult";
import type { CellStyle, ModelRun, ModelValue, SheetModel } from "../port/SheetModel";
import { SheetRuns } from "../port/sheetRuns";
import { rowHeights, type RowHeights } from "../sheets/fitRowHeights";
import { columnLetters } from "../tables/cellAddress";
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
  SCORECARD: "DfE adoption scorecard threshold",
  LOCAL: "local target",
} as const;
const WORKER_FILL = "DDEBF7";
const HEADER_FILL = "1F4E78";

/*
 * A case row's styles, made once and shared by every cell: a new style object per cell was most of
 * the agenda's time and memory at 10,000 rows. Frozen, because they are shared.
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
 * The styles of each case row, one shared array per combination of status colours: cases repeat a
 * few hundred combinations, found by a number made of the colours.
 */
interface CaseStyles {
  of(c: AgendaCase, agreedLastTimeOverdue: boolean): readonly CellStyle[];
  /**
   * Styles that wrap a case row's cells as its own do: every case style wraps, and only the worker's
   * is smaller, whatever the colours. One array for every case row, so the row heights are worked
   * out with one layout rather than one per combination of colours.
   */
  wrapping(
    styles: readonly (CellStyle | undefined)[] | undefined,
  ): readonly (CellStyle | undefined)[] | undefined;
}

/* A literal over this function's state, not a class instance (docs/performance.md, "Literals, not classes"). */
function caseStyles(keyColumns: number): CaseStyles {
  const byColours = new Map<number | string, readonly CellStyle[]>();
  let alike: readonly (CellStyle | undefined)[] | undefined;
  const make = (c: AgendaCase, agreedLastTimeOverdue: boolean): readonly CellStyle[] => [
    CASE_WORKER,
    CASE_ID,
    CASE,
    ...new Array<CellStyle>(keyColumns).fill(CASE),
    ...Array.from({ length: c.statusCount }, (_, k) => CASE_STATUS[c.statusRag(k)]),
    CASE,
    CASE,
    agreedLastTimeOverdue ? CASE_AGREED_OVERDUE : CASE,
    CASE,
    CASE,
    CASE_BY_WHEN,
  ];
  return {
    of(c, agreedLastTimeOverdue) {
      const key = coloursKey(c, agreedLastTimeOverdue);
      let styles = byColours.get(key);
      if (styles === undefined) {
        styles = make(c, agreedLastTimeOverdue);
        byColours.set(key, styles);
      }
      return styles;
    },
    wrapping(styles) {
      if (styles === undefined) return undefined;
      if (alike === undefined || alike.length !== styles.length) alike = styles;
      return alike;
    },
  };
}

/** The most statuses whose colours make an exact number: 4 × 5^20 is well within 2^53. */
const MOST_NUMBERED_COLOURS = 20;

/**
 * The case's status colours, and whether last time's action is past its date, as a number in base 5
 * led by 2 or 3 (so that different counts of statuses never meet); as text beyond 20 statuses.
 */
function coloursKey(c: AgendaCase, agreedLastTimeOverdue: boolean): number | string {
  const count = c.statusCount;
  if (count > MOST_NUMBERED_COLOURS)
    return `${Array.from({ length: count }, (_, k) => c.statusRag(k)).join(" ")} ${agreedLastTimeOverdue}`;
  let key = agreedLastTimeOverdue ? 3 : 2;
  for (let k = 0; k < count; k++) key = key * 5 + ragDigit(c.statusRag(k));
  return key;
}

function ragDigit(rag: Rag): number {
  switch (rag) {
    case "red":
      return 0;
    case "amber":
      return 1;
    case "green":
      return 2;
    case "grey":
      return 3;
    default:
      return 4;
  }
}

/**
 * The agenda as a print-ready sheet: a heading block, one header row (repeated on every printed
 * page), then each worker's block: a heading with counts, what was done on time, and the cases.
 * Landscape, one page wide, gridlines off; blank action columns for the meeting to type into.
 */
export function buildAgendaSheet(agenda: SurgeryAgenda, sheetName: string): SheetModel {
  const { request, surgery } = agenda;
  // The headings and header cells; the cases are runs of their own (writeCaseRows).
  const c = new SheetRuns();
  const merges: string[] = [];

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
  const lastLetters = columnLetters(lastColumn);
  const styles = caseStyles(agenda.keyHeaders.length);
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
    c.cell(row, 1, value, { ...style, wrap: true, vertical: "top" });
    merges.push(`A${row}:${lastLetters}${row}`);
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
  if (agenda.notes.length > 0) heading(6, agenda.notes.join(" "), { italic: true, size: 9, wrap: true });

  const headerRow = 7;
  c.row(headerRow, 1, headers, {
    bold: true,
    fill: HEADER_FILL,
    fontColor: "FFFFFF",
    wrap: true,
    vertical: "middle",
    border: true,
  });

  let row = headerRow + 1;
  if (agenda.workers.length === 0) {
    heading(row, "Nothing to discuss: no case is overdue, due soon or missing dates for this selection.", {
      italic: true,
    });
    row++;
  }
  const listed = listedRows();
  for (const block of agenda.workers) {
    row = writeWorkerBlock(block, row);
  }

  function writeWorkerBlock(block: WorkerBlock, first: number): number {
    let r = first;
    const counts = `${block.overdue} overdue · ${block.dueSoon} due soon · ${block.cannotAssess} dates to check`;
    // Worker headings and notes span the row from column A, so column B (ID) holds only cases.
    const who = block.stream === undefined ? block.worker : `${block.worker} — ${block.stream}`;
    c.cell(r, 1, `${who} — ${counts}`, { bold: true, fill: WORKER_FILL, border: true });
    merges.push(`A${r}:${lastLetters}${r}`);
    r++;
    if (block.doneOnTime.length > 0) {
      c.cell(r, 1, `Done on time: ${block.doneOnTime.join("; ")}`, {
        italic: true,
        size: 9,
        fontColor: "006100",
        wrap: true,
      });
      merges.push(`A${r}:${lastLetters}${r}`);
      r++;
    }
    // Indexed: run once a block, this loop is seldom compiled, and uncompiled for...of makes an
    // object per case.
    const { cases } = block;
    for (let k = 0; k < cases.length; k++) {
      listed.cases.push(cases[k] as AgendaCase);
      listed.workers.push(block.worker);
      listed.sheetRows.push(r++);
    }
    return r;
  }

  const heights = rowHeights(columnWidths);
  for (const range of merges) heights.merge(range);
  for (const run of c.runs) heights.row(run);
  return {
    name: sheetName,
    purpose: "agenda",
    runs: c.runs.concat(writeCaseRows(listed, { agenda, styles, heights, toDiscussColumn: after })),
    merges,
    columnWidths,
    rowHeights: heights.fitted(),
    freeze: { rows: headerRow, columns: 3 },
    // An agenda is wide (every standard has a column): A3 landscape keeps it readable at one page wide.
    print: {
      orientation: "landscape",
      fitToWidth: true,
      paperSize: "A3",
      repeatRows: { first: headerRow, last: headerRow },
    },
    showGridlines: false,
    autoFilter: `A${headerRow}:${lastLetters}${Math.max(headerRow, row - 1)}`,
  };
}

/** The cases in the agenda's order, with their workers and the sheet rows they go on. */
interface ListedRows {
  cases: AgendaCase[];
  workers: string[];
  sheetRows: number[];
}

function listedRows(): ListedRows {
  return { cases: [], workers: [], sheetRows: [] };
}

/** More places than an agenda can have rows (Excel has 1,048,576). */
const PLACES = 2 ** 21;

/**
 * The cases' places in the agenda, in the order of their tracker rows. Each case's words are read
 * from the tracker's columns, and reading them in the columns' order rather than the agenda's
 * (worker, then worst first) is what keeps a 100,000-row tracker's columns flowing through the
 * processor's cache instead of being fetched from memory case by case.
 */
function inTrackerOrder(cases: readonly AgendaCase[]): Float64Array {
  // Row number and place as one number: sorted as numbers, with no comparison function.
  const keys = new Float64Array(cases.length);
  for (let k = 0; k < cases.length; k++) keys[k] = (cases[k] as AgendaCase).rowNumber * PLACES + k;
  return keys.sort();
}

/** What writing the case rows needs. */
interface CaseRowContext {
  agenda: SurgeryAgenda;
  styles: CaseStyles;
  heights: RowHeights;
  /** The column after the standards': "To discuss". */
  toDiscussColumn: number;
}

/**
 * Writes each case as one row object (values and a shared styles array): one object per cell was
 * most of a long agenda's time. Fits each row's height as it is made. The rows are in the
 * agenda's order, made in the tracker's.
 */
function writeCaseRows(listed: ListedRows, context: CaseRowContext): ModelRun[] {
  const { styles, heights } = context;
  const idLetters = columnLetters(context.agenda.trackerIdColumn);
  const rows = new Array<ModelRun>(listed.cases.length);
  // Second rows of cases whose statuses do not fill the standards' columns: written after the rest.
  const tails: ModelRun[] = [];
  const order = inTrackerOrder(listed.cases);
  for (let o = 0; o < order.length; o++) {
    const k = (order[o] as number) % PLACES;
    const row = caseRow(
      listed.cases[k] as AgendaCase,
      listed.workers[k] as string,
      listed.sheetRows[k] as number,
      idLetters,
      context,
      tails,
    );
    heights.row(row, styles.wrapping(row.styles));
    rows[k] = row;
  }
  for (const tail of tails) heights.row(tail);
  return tails.length === 0 ? rows : rows.concat(tails);
}

function caseRow(
  c: AgendaCase,
  worker: string,
  r: number,
  idLetters: string,
  context: CaseRowContext,
  tails: ModelRun[],
): ModelRun {
  const { keyCount, statusCount, typed } = c;
  const agreedLastTimeOverdue = c.agreedLastTimeOverdue;
  const values = new Array<ModelValue>(3 + keyCount + statusCount + 6);
  values[0] = worker;
  values[1] = c.id;
  values[2] = c.shownName;
  let v = 3;
  for (let k = 0; k < keyCount; k++) values[v++] = c.keyValue(k);
  for (let k = 0; k < statusCount; k++) values[v++] = c.statusWords(k);
  const statusesEnd = v;
  values[v] = c.toDiscussText;
  values[v + 1] = c.notes;
  values[v + 2] = agreedText(c.agreedLastTime, agreedLastTimeOverdue);
  values[v + 3] = typed?.action ?? "";
  values[v + 4] = typed?.byWhom ?? "";
  values[v + 5] = typed ? byWhenValue(typed) : "";
  const styles = context.styles.of(c, agreedLastTimeOverdue);
  const link = { sheet: context.agenda.trackerSheetName, cell: idLetters + String(c.rowNumber), column: 2 };
  const { toDiscussColumn } = context;
  if (statusesEnd === toDiscussColumn - 1) return { row: r, column: 1, values, styles, link };
  // Statuses that do not fill the standards' columns: what follows them stays under its header.
  tails.push({
    row: r,
    column: toDiscussColumn,
    values: values.slice(statusesEnd),
    styles: styles.slice(statusesEnd),
  });
  return { row: r, column: 1, values: values.slice(0, statusesEnd), styles, link };
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
