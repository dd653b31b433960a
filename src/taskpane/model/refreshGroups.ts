import { formatUkDate } from "../../engine/dates/epochDay";
import type { ChangeSet } from "../../engine/port/ChangeSet";
import { REFRESH_RULES, type RefreshReport } from "../../engine/ssda903/proposeRefresh";
import { parseCellAddress } from "../../engine/tables/cellAddress";
import { changeKey } from "./changeSelection";

/** One line of the refresh preview: what it says, and the changes its tick stands for. */
export interface RefreshItem {
  key: string;
  label: string;
  /** The change keys ("Sheet!A1") the item's tick applies or leaves out; empty for a problem. */
  changeKeys: string[];
}

export type RefreshGroupId = "filled" | "conflicts" | "newChildren" | "ceased" | "problems";

export interface RefreshGroup {
  id: RefreshGroupId;
  heading: string;
  /** What ticking means in this group, for the user. */
  hint: string;
  items: RefreshItem[];
}

/**
 * The refresh's change set grouped as the CLI reports it: cells filled, conflicts, new children,
 * children who left care, and problems (of the extract, and rows refresh could not place). A
 * conflict's item stands for the change that takes the system's value, when the proposal has one.
 */
export function refreshGroups(report: RefreshReport, changeSet: ChangeSet): RefreshGroup[] {
  const keys = new Set(changeSet.changes.map(changeKey));
  const has = (key: string): string[] => (keys.has(key) ? [key] : []);
  const rowOf = (cell: string): number => parseCellAddress(cell)?.row ?? 0;
  const newRows = new Map<number, string[]>();
  for (const change of changeSet.changes) {
    if (change.rule !== REFRESH_RULES.newChild) continue;
    const list = newRows.get(rowOf(change.cell)) ?? [];
    list.push(changeKey(change));
    newRows.set(rowOf(change.cell), list);
  }
  const sheet = report.sheet;
  const problems: RefreshItem[] = [
    ...report.duplicateMatches.map((d, i) => ({
      key: `duplicate-${i}`,
      label: `Not refreshed: ${d.childId}'s care period from ${formatUkDate(d.becameLookedAfter)} matches rows ${d.rows.join(", ")}; keep one row per care period`,
      changeKeys: [],
    })),
    ...report.unmatchedRows.map((u) => ({
      key: `unmatched-${u.row}`,
      label: `Not refreshed: row ${u.row} (${u.childId}): ${u.reason}`,
      changeKeys: [],
    })),
    ...report.extractProblems
      .filter((p) => p.severity !== "info")
      .map((p, i) => ({ key: `problem-${i}`, label: p.message, changeKeys: [] })),
  ];
  return [
    {
      id: "filled",
      heading: `Cells filled (${report.filled.length})`,
      hint: "Empty tracker cells the case system knows.",
      items: report.filled.map((f) => ({
        key: `${sheet}!${f.cell}`,
        label: `${f.cell} ${f.childId}, ${f.header}: ${f.system}`,
        changeKeys: has(`${sheet}!${f.cell}`),
      })),
    },
    {
      id: "conflicts",
      heading: `Conflicts (${report.conflicts.length})`,
      hint: "The tracker's value is kept; tick one to take the case system's.",
      items: report.conflicts.map((c) => ({
        key: `${sheet}!${c.cell}`,
        label: `${c.cell} ${c.childId}, ${c.header}: tracker ${c.tracker}, system ${c.system}`,
        changeKeys: has(`${sheet}!${c.cell}`),
      })),
    },
    {
      id: "newChildren",
      heading: `New children (${report.newChildren.length})`,
      hint: "Children in care in the latest return with no row: each gets a new row.",
      items: report.newChildren.map((n) => ({
        key: `new-${n.row}`,
        label: `${n.childId}, looked after since ${formatUkDate(n.becameLookedAfter)}: new row ${n.row}`,
        changeKeys: newRows.get(n.row) ?? [],
      })),
    },
    {
      id: "ceased",
      heading: `Left care (${report.ceased.length})`,
      hint: "The exit date of children the case system says left care.",
      items: report.ceased.map((c) => ({
        key: `${sheet}!${c.cell}`,
        label: `${c.cell} ${c.childId}: ceased ${formatUkDate(c.ceased)}${c.reason ? ` (${c.reason})` : ""}`,
        changeKeys: has(`${sheet}!${c.cell}`),
      })),
    },
    {
      id: "problems",
      heading: `Problems (${problems.length})`,
      hint: "Nothing below is changed: check these in the case system or the tracker.",
      items: problems,
    },
  ];
}

/** The changes unticked at first: taking the system's value over the tracker's is the user's call. */
export function initiallyUnticked(changeSet: ChangeSet): Set<string> {
  return new Set(changeSet.changes.filter((c) => c.rule === REFRESH_RULES.system).map(changeKey));
}
