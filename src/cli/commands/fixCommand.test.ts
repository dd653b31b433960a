import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { captureIo } from "../../../test/support/captureIo";
import { readChangeLog } from "../../engine/fixes/changeLog";
import { XlsxWorkbook } from "../../xlsx/XlsxWorkbook";
import { main } from "../main";
import { tempFolder, writeMessyTracker } from "../../../test/support/checkCommandFixtures";

const folder = tempFolder("tracker-fix-");
const clock = new Date(2026, 10, 24, 14, 30);

describe("tracker fix", () => {
  it("applies the safe fixes to a copy, logs them, prints them and leaves the input alone", async () => {
    const input = await writeMessyTracker(join(folder, "messy.xlsx"));
    const before = readFileSync(input);
    const out = join(folder, "fixed.xlsx");
    const io = captureIo(clock);
    expect(await main(["fix", input, "--out", out], io)).toBe(0);
    expect(io.stdout).toEqual([
      "Change set CS-20261124-1430: 3 change(s) applied",
      "  Joint Tracker!C2: “3rd April 2024” → 03/04/2024  (DATE-AS-TEXT)",
      "  Joint Tracker!D4: “jane smith ” → “Jane Smith”  (WORKER-NAME-VARIANTS)",
      "  Fostering Support!B2: “Tom Green ” → “Tom Green”  (TEXT-UNTRIMMED)",
      `Wrote ${out} with the changes listed in its “Change log” sheet.`,
    ]);
    expect(readFileSync(input).equals(before)).toBe(true);

    const fixed = await XlsxWorkbook.load(out);
    const tracker = await fixed.readSheet("Joint Tracker");
    expect(tracker.values[1]?.[2]).toEqual(new Date(Date.UTC(2024, 3, 3)));
    expect(tracker.values[3]?.[3]).toBe("Jane Smith");
    expect(tracker.values[1]?.[5]).toBe("TBC");
    const log = readChangeLog(await fixed.readSheet("Change log"));
    expect(log.map((r) => [r.changeSet, r.when, r.sheet, r.cell, r.old])).toEqual([
      ["CS-20261124-1430", "24/11/2026 14:30", "Joint Tracker", "C2", "3rd April 2024"],
      ["CS-20261124-1430", "24/11/2026 14:30", "Joint Tracker", "D4", "jane smith "],
      ["CS-20261124-1430", "24/11/2026 14:30", "Fostering Support", "B2", "Tom Green "],
    ]);
  });

  it("prints the change set and writes nothing with --dry-run", async () => {
    const input = await writeMessyTracker(join(folder, "dry.xlsx"));
    const before = readFileSync(input);
    const out = join(folder, "dry-out.xlsx");
    const io = captureIo(clock);
    expect(await main(["fix", input, "--dry-run", "--placeholders", "--out", out], io)).toBe(0);
    expect(io.stdout[0]).toBe("Dry run: change set CS-20261124-1430 would make 4 change(s):");
    expect(io.stdout).toContain("  Joint Tracker!F2: “TBC” → (empty)  (DATE-PLACEHOLDER)");
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("skips and reports the fixes to a protected sheet", async () => {
    const input = await writeMessyTracker(join(folder, "protected.xlsx"), { protectedSupport: true });
    const out = join(folder, "protected-out.xlsx");
    const io = captureIo(clock);
    expect(await main(["fix", input, "--out", out], io)).toBe(0);
    expect(io.stdout).toContain("  Fostering Support!B2: the sheet is protected");
    const support = await (await XlsxWorkbook.load(out)).readSheet("Fostering Support");
    expect(support.values[1]?.[1]).toBe("Tom Green ");
  });

  it("refuses to overwrite the input and needs --out", async () => {
    const input = await writeMessyTracker(join(folder, "same.xlsx"));
    const io = captureIo(clock);
    expect(await main(["fix", input, "--out", input], io)).toBe(2);
    expect(io.stderr).toEqual([
      "tracker fix: --out must be a different file from the input: the input workbook is never changed",
    ]);
    const io2 = captureIo(clock);
    expect(await main(["fix", input], io2)).toBe(2);
    expect(io2.stderr[0]).toMatch(/--out <copy.xlsx> is required/);
  });
});
