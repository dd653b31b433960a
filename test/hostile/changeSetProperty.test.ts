import fc from "fast-check";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CellValue } from "../../src/engine/cells/CellValue";
import type { CellChange, ChangeSet } from "../../src/engine/port/ChangeSet";
import { MemoryWorkbook } from "../../src/engine/port/MemoryWorkbook";
import type { WorkbookPort } from "../../src/engine/port/WorkbookPort";
import { cellAddress } from "../../src/engine/tables/cellAddress";
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { writeXlsxFixture } from "../contract/writeXlsxFixture";

/*
 * Nothing lost, as a property: whatever the sheet and whatever a co-author edited between a change
 * set being computed and applied, exactly the unedited cells change, every edited cell keeps the
 * co-author's value, and no other cell moves.
 */

const ROWS = 6;
const COLUMNS = 4;
const cellValue = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -5, max: 50_000 }),
  fc.boolean(),
);
const grid = fc.array(fc.array(cellValue, { minLength: COLUMNS, maxLength: COLUMNS }), {
  minLength: ROWS,
  maxLength: ROWS,
});
const position = fc.record({ row: fc.nat(ROWS - 1), column: fc.nat(COLUMNS - 1) });
const scenario = fc.record({
  values: grid,
  targets: fc.uniqueArray(position, { minLength: 1, maxLength: 8, selector: (p) => `${p.row}:${p.column}` }),
  newValues: fc.array(
    fc.string({ minLength: 1, maxLength: 5 }).map((s) => `new ${s}`),
    {
      minLength: 8,
      maxLength: 8,
    },
  ),
  edits: fc.uniqueArray(position, { maxLength: 6, selector: (p) => `${p.row}:${p.column}` }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

const key = (p: { row: number; column: number }): string => `${p.row}:${p.column}`;
/** What a port reads back for a written value: a blank string is an empty cell. */
const asRead = (v: CellValue): CellValue => (v === "" ? null : v);

async function checkScenario(
  make: (values: CellValue[][]) => Promise<WorkbookPort>,
  s: Scenario,
): Promise<void> {
  const port = await make(s.values);
  const before = (await port.readSheet("Tracker")).values;
  const at = (values: CellValue[][], p: { row: number; column: number }): CellValue =>
    asRead(values[p.row]?.[p.column] ?? null);

  const changes: CellChange[] = s.targets.map((p, i) => ({
    sheet: "Tracker",
    cell: cellAddress(p.row + 1, p.column + 1),
    old: at(before, p),
    new: s.newValues[i] as string,
    rule: "TEST",
  }));
  // A co-author edits some cells after the change set was computed.
  const edited = new Set(s.edits.map(key));
  await port.applyChanges({
    id: "CO-AUTHOR",
    description: "edits made in Excel meanwhile",
    changes: s.edits.map((p) => ({
      sheet: "Tracker",
      cell: cellAddress(p.row + 1, p.column + 1),
      old: at(before, p),
      new: `edited ${key(p)}`,
      rule: "EDIT",
    })),
  });

  const changeSet: ChangeSet = { id: "CS-1", description: "fixes", changes };
  const report = await port.applyChanges(changeSet);
  const after = (await port.readSheet("Tracker")).values;

  const targeted = new Map(s.targets.map((p, i) => [key(p), s.newValues[i] as string]));
  for (let row = 0; row < ROWS; row++) {
    for (let column = 0; column < COLUMNS; column++) {
      const p = { row, column };
      const k = key(p);
      const expected = edited.has(k) ? `edited ${k}` : targeted.has(k) ? targeted.get(k) : at(before, p);
      expect({ cell: k, value: at(after, p) }).toEqual({ cell: k, value: asRead(expected ?? null) });
    }
  }
  const skipped = s.targets.filter((p) => edited.has(key(p)));
  expect(report.skipped.map((x) => x.change.cell).sort()).toEqual(
    skipped.map((p) => cellAddress(p.row + 1, p.column + 1)).sort(),
  );
  expect(report.skipped.every((x) => x.reason === "edited-since")).toBe(true);
  expect(report.applied).toHaveLength(s.targets.length - skipped.length);
}

describe("a change set applied after a co-author's edits", () => {
  it("changes exactly the cells nobody edited since, in memory", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, (s) =>
        checkScenario(async (values) => new MemoryWorkbook([{ name: "Tracker", values }]), s),
      ),
      { numRuns: 300 },
    );
  });

  it("changes exactly the cells nobody edited since, in an .xlsx file", async () => {
    const folder = mkdtempSync(join(tmpdir(), "change-set-property-"));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(scenario, (s) =>
        checkScenario(async (values) => {
          const path = join(folder, `book-${++n}.xlsx`);
          await writeXlsxFixture(path, [{ name: "Tracker", values }]);
          return XlsxWorkbook.load(path);
        }, s),
      ),
      { numRuns: 40 },
    );
  });
});
