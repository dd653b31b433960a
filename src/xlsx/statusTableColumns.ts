import {
  statusColumnsInsideTable,
  type StatusColumnsModel,
  type StatusColumnsProblem,
} from "../engine/status/StatusColumnsModel";
import { cellAddress, parseRangeAddress, type RangePosition } from "../engine/tables/cellAddress";
import { RELATIONSHIP_TYPES, XlsxPackage, resolveTarget } from "./XlsxPackage";
import {
  appendingChild,
  attributeValue,
  descendantsOf,
  elementsByName,
  removal,
  settingAttribute,
  splice,
  textOf,
  xmlElements,
  type XmlSplice,
} from "./xmlElements";
import { escapeXml } from "./xmlText";

/*
 * Excel Tables (ListObjects) in the .xlsx port. A table is a part of its own (xl/tables/tableN.xml)
 * related from its sheet: its range, its filter's range and its columns, each with an id and a name
 * that must equal its header cell. The status columns join a table by rewriting that small part;
 * every column the table already has stays as it was written, with its id, totals and formulas.
 */

/** A table of a sheet, as its part says. */
export interface SheetTable {
  path: string;
  name: string;
  /** The table's range, header and totals rows included ("A1:I6"). */
  range: RangePosition;
  /** The filter's range: the table less its totals row. Absent when the table has no filter. */
  filterRange: RangePosition | undefined;
  headerRow: boolean;
  totalsRow: boolean;
  columns: TableColumn[];
  /** The table columns (0-based within the table) whose filter button is hidden. */
  hiddenButtons: ReadonlySet<number>;
}

interface TableColumn {
  id: number;
  name: string;
  /** The column's element as the part holds it: kept as it is. */
  xml: string;
}

/** The tables related from a sheet, in the order of its relationships. */
export function tablesOfSheet(pkg: XlsxPackage, sheetPath: string): SheetTable[] {
  return pkg.relationships(sheetPath).flatMap((rel) => {
    if (rel.type !== RELATIONSHIP_TYPES.table || rel.external) return [];
    const path = resolveTarget(sheetPath, rel.target);
    const xml = pkg.text(path);
    if (xml === undefined) return [];
    const elements = xmlElements(xml);
    const [table] = elementsByName(elements, "table");
    if (table === undefined) return [];
    const a = (name: string): string | undefined => attributeValue(table, name);
    const range = parseRangeAddress(a("ref") ?? "");
    if (!range) return [];
    const [filter] = elementsByName(elements, "autoFilter");
    const hidden = new Set<number>();
    for (const column of elementsByName(elements, "filterColumn")) {
      if (["1", "true"].includes(attributeValue(column, "hiddenButton") ?? ""))
        hidden.add(Number(attributeValue(column, "colId")));
    }
    return [
      {
        path,
        name: a("name") ?? "",
        range,
        filterRange:
          filter === undefined ? undefined : parseRangeAddress(attributeValue(filter, "ref") ?? ""),
        // ECMA-376 18.5.1.2: headerRowCount defaults to 1, totalsRowCount to 0.
        headerRow: (a("headerRowCount") ?? "1") !== "0",
        totalsRow: Number(a("totalsRowCount") ?? "0") > 0,
        columns: elementsByName(elements, "tableColumn").map((c) => ({
          id: Number(attributeValue(c, "id")),
          name: attributeValue(c, "name") ?? "",
          xml: textOf(xml, c),
        })),
        hiddenButtons: hidden,
      },
    ];
  });
}

/** How the status block joins a table: the table's new shape, decided before any cell is written. */
export interface StatusTablePlan {
  table: SheetTable;
  /** The block's headers as the table needs them: unique among the table's column names. */
  headers: string[];
  /** The table's columns once widened: kept columns as they were, the block's as new elements. */
  columns: { id: number; name: string; xml: string | undefined }[];
  range: RangePosition;
  filterRange: RangePosition | undefined;
  /** The new columns' filter buttons are hidden, as the column left of them has its hidden. */
  hideNewButtons: boolean;
  /** The table's last body row: the block's conditional formats reach it. */
  bodyBottom: number;
}

export type StatusTableDecision =
  { ok: true; plan: StatusTablePlan | undefined } | { ok: false; problem: StatusColumnsProblem };

/**
 * The table the status block belongs to, and its shape once the block has joined it: the table
 * whose header row is the block's and whose last column is right before the block's first (a first
 * run) or inside the block (a re-run over a block written into the table, by this port or by the
 * Office add-in). No such table: the block sits beside whatever is there, as before.
 */
export function planStatusTable(
  tables: readonly SheetTable[],
  model: StatusColumnsModel,
): StatusTableDecision {
  const blockRight = model.firstColumn + model.headers.length - 1;
  const earlierRight = model.firstColumn + model.clear.columns - 1;
  for (const table of tables) {
    const at = table.range;
    if (!table.headerRow || at.top !== model.headerRow) continue;
    if (!(at.left < model.firstColumn && model.firstColumn <= at.right + 1)) continue;
    if (at.right > earlierRight && blockRight !== earlierRight) {
      // The table goes on past the earlier block with columns of its own: a narrower block would
      // leave blank headers inside the table, and moving the user's columns is not ours to do.
      return { ok: false, problem: statusColumnsInsideTable(model, table.name) };
    }
    const keptLeft = table.columns.slice(0, model.firstColumn - at.left);
    const keepsRight = at.right > earlierRight;
    const replaced = table.columns.slice(
      keptLeft.length,
      keepsRight ? earlierRight - at.left + 1 : undefined,
    );
    const keptRight = keepsRight ? table.columns.slice(earlierRight - at.left + 1) : [];
    const headers = uniqueHeaders(model.headers, [...keptLeft, ...keptRight]);
    // A replaced column keeps its id, so a re-run writes the same table.
    let nextId = Math.max(0, ...table.columns.map((c) => c.id).filter(Number.isFinite)) + 1;
    const added = headers.map((name, i) => ({ id: replaced[i]?.id ?? nextId++, name, xml: undefined }));
    const right = keepsRight ? at.right : blockRight;
    return {
      ok: true,
      plan: {
        table,
        headers,
        columns: [...keptLeft, ...added, ...keptRight],
        range: { ...at, right },
        filterRange: table.filterRange && { ...table.filterRange, right },
        hideNewButtons: table.hiddenButtons.has(keptLeft.length - 1),
        bodyBottom: at.bottom - (table.totalsRow ? 1 : 0),
      },
    };
  }
  return { ok: true, plan: undefined };
}

/**
 * The table part widened to the plan: its range, its filter's range and its column list; its name,
 * style, totals and the columns it keeps stay as they were.
 */
export function widenedTableXml(xml: string, plan: StatusTablePlan): string {
  const elements = xmlElements(xml);
  const width = plan.range.right - plan.range.left + 1;
  const [table] = elementsByName(elements, "table");
  if (!table) return xml;
  const prefix = table.prefix;
  const edits: XmlSplice[] = [settingAttribute(xml, table, "ref", rangeOf(plan.range))];
  const [filter] = elementsByName(elements, "autoFilter");
  if (filter && plan.filterRange) {
    edits.push(settingAttribute(xml, filter, "ref", rangeOf(plan.filterRange)));
    const columns = elementsByName(descendantsOf(elements, filter), "filterColumn");
    // A filter on a column the table no longer has would make Excel repair the file.
    const dropped = columns.filter((c) => Number(attributeValue(c, "colId")) >= width);
    edits.push(...dropped.map(removal));
    const filtered = new Set(columns.map((c) => Number(attributeValue(c, "colId"))));
    const firstNew = plan.columns.findIndex((c) => c.xml === undefined);
    const hidden = plan.hideNewButtons
      ? plan.columns
          .map((c, i) => (c.xml === undefined && i >= firstNew && !filtered.has(i) ? i : -1))
          .filter((i) => i >= 0)
          .map((i) => `<${prefix}filterColumn colId="${i}" hiddenButton="1"/>`)
          .join("")
      : "";
    if (hidden !== "") edits.push(appendingChild(xml, filter, hidden));
  }
  const [columns] = elementsByName(elements, "tableColumns");
  if (columns) {
    edits.push(settingAttribute(xml, columns, "count", String(plan.columns.length)));
    const body = plan.columns
      .map((c) => c.xml ?? `<${prefix}tableColumn id="${c.id}" name="${escapeXml(c.name)}"/>`)
      .join("");
    edits.push(
      columns.selfClosing
        ? appendingChild(xml, columns, body)
        : { start: columns.startTagEnd, end: columns.endTagStart, text: body },
    );
  }
  return splice(xml, edits);
}

/**
 * Excel refuses a table with two columns of one name (compared case-insensitively) and renames a
 * repeated header "Name2" itself; the block's headers get a number the same way, cell and column alike.
 */
function uniqueHeaders(headers: readonly string[], others: readonly TableColumn[]): string[] {
  const taken = new Set(others.map((c) => c.name.toLocaleLowerCase("en-GB")));
  return headers.map((header) => {
    let name = header;
    for (let n = 2; taken.has(name.toLocaleLowerCase("en-GB")); n++) name = `${header}${n}`;
    taken.add(name.toLocaleLowerCase("en-GB"));
    return name;
  });
}

function rangeOf(at: RangePosition): string {
  return `${cellAddress(at.top, at.left)}:${cellAddress(at.bottom, at.right)}`;
}
