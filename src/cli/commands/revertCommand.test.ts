import { readFileSync } from "node:fs";
import { join } from "node:path";
import { captureIo } from "../../../test/support/captureIo";
import { XlsxWorkbook } from "../../xlsx/XlsxWorkbook";
import { main } from "../main";
import { tempFolder, writeMessyTracker } from "../../../test/support/checkCommandFixtures";

const folder = tempFolder("tracker-revert-");

describe("tracker revert", () => {
  it("puts back the cells a logged change set changed, in a copy", async () => {
    const input = await writeMessyTracker(join(folder, "messy.xlsx"));
    const fixed = join(folder, "fixed.xlsx");
    const reverted = join(folder, "reverted.xlsx");
    expect(await main(["fix", input, "--out", fixed], captureIo(new Date(2026, 10, 24, 14, 30)))).toBe(0);
    const fixedBytes = readFileSync(fixed);
    const io = captureIo(new Date(2026, 10, 24, 15, 0));
    expect(await main(["revert", fixed, "--change-set", "CS-20261124-1430", "--out", reverted], io)).toBe(0);
    expect(io.stdout[0]).toBe("Reverted change set CS-20261124-1430 as RV-20261124-1500: 3 cell(s) restored");
    expect(readFileSync(fixed).equals(fixedBytes)).toBe(true);

    const workbook = await XlsxWorkbook.load(reverted);
    const original = await XlsxWorkbook.load(input);
    expect((await workbook.readSheet("Joint Tracker")).values).toEqual(
      (await original.readSheet("Joint Tracker")).values,
    );
    expect((await workbook.readSheet("Fostering Support")).values).toEqual(
      (await original.readSheet("Fostering Support")).values,
    );
  });

  it("exits 2 naming the change sets the log holds when the id is unknown", async () => {
    const input = await writeMessyTracker(join(folder, "unknown.xlsx"));
    const fixed = join(folder, "unknown-fixed.xlsx");
    await main(["fix", input, "--out", fixed], captureIo(new Date(2026, 10, 24, 14, 30)));
    const io = captureIo();
    expect(await main(["revert", fixed, "--change-set", "CS-1", "--out", join(folder, "x.xlsx")], io)).toBe(
      2,
    );
    expect(io.stderr).toEqual([
      "tracker revert: no change set “CS-1” in the Change log (it holds CS-20261124-1430)",
    ]);
  });
});
