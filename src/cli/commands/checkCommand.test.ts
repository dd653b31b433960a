import { readFileSync } from "node:fs";
import { join } from "node:path";
import { captureIo } from "../../../test/support/captureIo";
import { CheckRun } from "../../engine/checks/CheckReport";
import { XlsxWorkbook } from "../../xlsx/XlsxWorkbook";
import { main } from "../main";
import { tempFolder, writeCleanTracker, writeMessyTracker } from "../../../test/support/checkCommandFixtures";

const folder = tempFolder("tracker-check-");

describe("tracker check", () => {
  it("prints the counts by sheet, the worst problems and the checks skipped, exits 1 on errors and leaves the input alone", async () => {
    const input = await writeMessyTracker(join(folder, "messy.xlsx"));
    const before = readFileSync(input);
    const io = captureIo();
    expect(await main(["check", input, "--as-of", "2026-11-24"], io)).toBe(1);
    const text = io.stdout.join("\n");
    expect(text).toContain("as at 24/11/2026: 8 problems (2 errors, 2 warnings, 4 for information)");
    expect(text).toContain("  Joint Tracker: 1 error, 2 warnings, 3 for information");
    expect(text).toContain("  Fostering Support: 1 error, 1 for information");
    expect(text).toContain(
      "Checks: 45 checks ran on 2 sheets, 3 skipped (columns are missing), none failed.",
    );
    expect(text).toContain(
      "  Fostering Support: Placed, vacant and unavailable places exceed approved places (FS-PLACES-EXCEED-APPROVED)" +
        " was skipped: the sheet has no columns “Vacant places”, “Places not available”",
    );
    expect(text).toMatch(
      /error\s+Joint Tracker!E3\s+DATE-INVALID: 1st CLA review: “31\/02\/2024” is not a valid date/,
    );
    expect(io.stderr).toEqual([]);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("prints every issue and which checks ran as JSON with --json", async () => {
    const input = await writeMessyTracker(join(folder, "json.xlsx"));
    const io = captureIo();
    expect(await main(["check", input, "--as-of", "2026-11-24", "--json"], io)).toBe(1);
    const { issues, checks } = CheckRun.parse(JSON.parse(io.stdout.join("\n")));
    expect(issues.map((i) => i.code)).toContain("FS-PLACED-ABOVE-APPROVED");
    expect(checks.ran.find((r) => r.code === "FS-PLACED-ABOVE-APPROVED")?.problems).toBe(1);
    expect(checks.failed).toEqual([]);
    expect(issues.find((i) => i.cell === "C2" && i.sheet === "Joint Tracker")?.suggestedFix?.text).toBe(
      "03/04/2024",
    );
  });

  it("writes a copy with a Data quality sheet linking each issue to its cell with --out", async () => {
    const input = await writeMessyTracker(join(folder, "copy.xlsx"));
    const before = readFileSync(input);
    const out = join(folder, "copy-checked.xlsx");
    expect(await main(["check", input, "--as-of", "2026-11-24", "--out", out], captureIo())).toBe(1);
    const sheet = await (await XlsxWorkbook.load(out)).readSheet("Data quality");
    expect(sheet.values[1]?.[0]).toBe("8 problems found as at 24/11/2026");
    expect(sheet.values[7]?.slice(0, 4)).toEqual(["Error", "Joint Tracker", "E3", "DATE-INVALID"]);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("exits 0 on a clean tracker", async () => {
    const io = captureIo();
    expect(
      await main(["check", await writeCleanTracker(join(folder, "clean.xlsx")), "--as-of", "2026-11-24"], io),
    ).toBe(0);
    expect(io.stdout[0]).toMatch(/no problems found/);
  });

  it("takes today from the user's clock when --as-of is not given", async () => {
    const io = captureIo(new Date(2024, 5, 1));
    await main(["check", await writeMessyTracker(join(folder, "today.xlsx")), "--json"], io);
    const { issues } = CheckRun.parse(JSON.parse(io.stdout.join("\n")));
    expect(issues.filter((i) => i.code === "DATE-IN-FUTURE").map((i) => i.cell)).toEqual(["C3", "C4"]);
  });

  it("exits 2 with one line for a missing file or a file that is not a workbook", async () => {
    const io = captureIo();
    expect(await main(["check", join(folder, "nope.xlsx")], io)).toBe(2);
    expect(io.stderr).toEqual([`tracker check: there is no file “${join(folder, "nope.xlsx")}”`]);
    const io2 = captureIo();
    expect(await main(["check", __filename], io2)).toBe(2);
    expect(io2.stderr).toHaveLength(1);
    expect(io2.stderr[0]).toMatch(/cannot be read as an Excel workbook/);
  });
});

describe("tracker check, fix and revert help", () => {
  it("are listed by tracker --help and each has its own usage", async () => {
    const io = captureIo();
    expect(await main(["--help"], io)).toBe(0);
    expect(io.stdout.join("\n")).toMatch(/check\s+list the tracker's data-quality problems/);
    for (const name of ["check", "fix", "revert"]) {
      const help = captureIo();
      expect(await main([name, "--help"], help)).toBe(0);
      expect(help.stdout[0]).toMatch(new RegExp(`^Usage:\\n  tracker ${name} <tracker.xlsx>`));
    }
  });
});
