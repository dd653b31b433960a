import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { makeStyles, tokens, Text } from "@fluentui/react-components";
import type { CellValue } from "../engine/cells/CellValue";
import { cellAddress, columnLetters } from "../engine/tables/cellAddress";
import { displayCell, displayWrittenValue } from "../taskpane/model/displayCell";
import type { ObservedWorkbook } from "./ObservedWorkbook";
import { selectionTarget } from "./selectionTarget";

const useStyles = makeStyles({
  frame: { display: "flex", flexDirection: "column", minWidth: 0, minHeight: 0, height: "100%" },
  tabs: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    padding: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  tab: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    background: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    cursor: "pointer",
    font: "inherit",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  activeTab: {
    background: tokens.colorNeutralBackground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: "transparent",
  },
  scroller: { overflow: "auto", flexGrow: 1, minHeight: 0 },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, whiteSpace: "nowrap" },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    maxWidth: "16em",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  head: {
    background: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightRegular,
    position: "sticky",
    top: 0,
  },
  rowHead: { background: tokens.colorNeutralBackground3, textAlign: "right", position: "sticky", left: 0 },
  selectedRow: { background: tokens.colorBrandBackground2 },
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
    background: tokens.colorBrandBackground2,
  },
  status: { padding: tokens.spacingVerticalXS, borderTop: `1px solid ${tokens.colorNeutralStroke1}` },
});

/** The most rows a sheet shows: the sample has fewer; a real tracker would need virtualising. */
const ROW_LIMIT = 400;

/**
 * A read-only view of the preview's workbook, sheet by sheet, like Excel's grid: the sheet tabs
 * (written sheets appear as new tabs), column letters and row numbers, and the cell or row the pane
 * last selected, scrolled into view.
 */
export function SheetGrid({ workbook }: { workbook: ObservedWorkbook }) {
  const styles = useStyles();
  const version = useSyncExternalStore(
    (l) => workbook.subscribe(l),
    () => workbook.getVersion(),
  );
  const [sheetNames, setSheetNames] = useState<string[]>([]);
  const [chosen, setChosen] = useState<string | undefined>();
  const selection = workbook.selection;
  const selectedRef = useRef<HTMLElement | null>(null);
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const shownSheet = useRef<string | undefined>(undefined);

  useEffect(() => {
    void workbook
      .listSheets()
      .then((sheets) => setSheetNames(sheets.filter((s) => s.visibility === "visible").map((s) => s.name)));
  }, [workbook, version]);
  // A selection brings its sheet forward, as Excel does.
  useEffect(() => {
    if (selection) setChosen(selection.sheet);
  }, [selection]);

  const active = chosen !== undefined && sheetNames.includes(chosen) ? chosen : sheetNames[0];
  const values: CellValue[][] = useMemo(
    () => (active === undefined ? [] : (workbook.memory.snapshot()[active] ?? [])),
    // `version`: the memory workbook changed under the same sheet name.
    [workbook, active, version],
  );
  const target = selection && active === selection.sheet ? selectionTarget(selection.cell) : undefined;
  const width = values.reduce((w, row) => Math.max(w, row.length), 0);

  // Centre the selection inside the grid's own scroller; scrollIntoView would scroll the page too.
  useEffect(() => {
    const scroller = scrollerRef.current;
    const selected = selectedRef.current;
    if (!scroller) return;
    if (!selected) {
      // Another sheet opens at its top-left, as Excel opens a sheet.
      if (shownSheet.current !== active) scroller.scrollTo(0, 0);
      shownSheet.current = active;
      return;
    }
    shownSheet.current = active;
    const box = scroller.getBoundingClientRect();
    const at = selected.getBoundingClientRect();
    scroller.scrollTop += at.top - box.top - (box.height - at.height) / 2;
    if (selected.tagName === "TD") scroller.scrollLeft += at.left - box.left - (box.width - at.width) / 2;
  }, [target?.kind, target?.row, target && "column" in target ? target.column : 0, active, version]);

  const shown = (row: number, column: number, value: CellValue): string => {
    if (value === null) return "";
    if (active !== undefined && typeof value === "number")
      return displayWrittenValue(value, workbook.memory.numberFormat(active, cellAddress(row, column)));
    return displayCell(value);
  };
  const selectedText =
    target && active !== undefined
      ? target.kind === "row"
        ? `${active} row ${target.row}`
        : `${active}!${cellAddress(target.row, target.column)} = ${shown(target.row, target.column, values[target.row - 1]?.[target.column - 1] ?? null) || "(blank)"}`
      : "Nothing selected";

  return (
    <div className={styles.frame}>
      <div className={styles.tabs} role="toolbar" aria-label="Sheets">
        {sheetNames.map((name) => (
          <button
            key={name}
            type="button"
            className={`${styles.tab} ${name === active ? styles.activeTab : ""}`}
            aria-pressed={name === active}
            onClick={() => setChosen(name)}
            data-sheet-tab={name}
          >
            {name}
          </button>
        ))}
      </div>
      <div
        ref={scrollerRef}
        className={styles.scroller}
        tabIndex={0}
        role="region"
        aria-label={`Sheet ${active ?? ""}, read-only`}
      >
        <table className={styles.table} data-sheet={active}>
          <thead>
            <tr>
              <th className={`${styles.cell} ${styles.head}`} scope="col">
                <span aria-label="Row">#</span>
              </th>
              {Array.from({ length: width }, (_, c) => (
                <th key={c} className={`${styles.cell} ${styles.head}`} scope="col">
                  {columnLetters(c + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {values.slice(0, ROW_LIMIT).map((row, r) => {
              const rowNumber = r + 1;
              const rowSelected = target?.kind === "row" && target.row === rowNumber;
              return (
                <tr
                  key={rowNumber}
                  className={rowSelected ? styles.selectedRow : undefined}
                  ref={rowSelected ? (el) => void (selectedRef.current = el) : undefined}
                  data-selected={rowSelected ? "true" : undefined}
                >
                  <th className={`${styles.cell} ${styles.rowHead}`} scope="row">
                    {rowNumber}
                  </th>
                  {Array.from({ length: width }, (_, c) => {
                    const selected =
                      target?.kind === "cell" && target.row === rowNumber && target.column === c + 1;
                    return (
                      <td
                        key={c}
                        className={`${styles.cell} ${selected ? styles.selected : ""}`}
                        data-address={cellAddress(rowNumber, c + 1)}
                        data-selected={selected ? "true" : undefined}
                        ref={selected ? (el) => void (selectedRef.current = el) : undefined}
                      >
                        {shown(rowNumber, c + 1, row[c] ?? null)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
        {values.length > ROW_LIMIT && <Text>{values.length - ROW_LIMIT} more rows not shown.</Text>}
      </div>
      <div className={styles.status} role="status" aria-live="polite" data-testid="grid-selection">
        {selectedText}
      </div>
    </div>
  );
}
