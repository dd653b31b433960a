import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemoryWorkbook } from "../engine/port/MemoryWorkbook";
import { DEFAULT_PROFILE } from "../engine/profile/defaultProfile";
import { buildProfileSheet } from "../engine/profile/profileSheet";
import { TrackerProfile } from "../engine/profile/TrackerProfile";
import { XlsxWorkbook } from "../xlsx/XlsxWorkbook";
import { loadProfile } from "./loadProfile";

const folder = mkdtempSync(join(tmpdir(), "load-profile-"));

const localProfile = TrackerProfile.parse({
  ...DEFAULT_PROFILE,
  name: "Anytown",
  sheets: DEFAULT_PROFILE.sheets.slice(0, 2),
});

async function trackerFile(name: string): Promise<string> {
  const path = join(folder, name);
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Joint Tracker").addRow(["Child ID", "BLA"]);
  await wb.xlsx.writeFile(path);
  return path;
}

describe("loadProfile", () => {
  it("uses the default profile when the workbook stores none", async () => {
    const port = await XlsxWorkbook.load(await trackerFile("plain.xlsx"));
    expect(await loadProfile(port)).toEqual({ profile: DEFAULT_PROFILE, source: "default", findings: [] });
  });

  it("uses the profile stored in the workbook's very hidden sheet, after a save and reopen", async () => {
    const port = await XlsxWorkbook.load(await trackerFile("with-profile.xlsx"));
    await port.writeSheet(buildProfileSheet(localProfile));
    const saved = join(folder, "with-profile-saved.xlsx");
    await port.save(saved);
    const reopened = await XlsxWorkbook.load(saved);
    expect((await reopened.listSheets()).map((s) => [s.name, s.visibility])).toEqual([
      ["Joint Tracker", "visible"],
      ["TrackerProfile", "veryHidden"],
    ]);
    expect(await loadProfile(reopened)).toEqual({ profile: localProfile, source: "workbook", findings: [] });
  });

  it("falls back to the default with a warning when the stored profile was damaged", async () => {
    const port = await XlsxWorkbook.load(await trackerFile("damaged.xlsx"));
    await port.writeSheet(buildProfileSheet(localProfile));
    const saved = join(folder, "damaged-saved.xlsx");
    await port.save(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    wb.getWorksheet("TrackerProfile")!.getCell("A2").value = 'json:{"version":1,"name":';
    await wb.xlsx.writeFile(saved);

    expect(await loadProfile(await XlsxWorkbook.load(saved))).toEqual({
      profile: DEFAULT_PROFILE,
      source: "default",
      findings: [
        {
          code: "PROFILE-UNREADABLE",
          severity: "warning",
          sheet: "TrackerProfile",
          message:
            "The tracker profile stored in this workbook cannot be read (its text is incomplete or has been edited): " +
            "the default profile is used instead. Save the profile again from the pane to replace it.",
        },
      ],
    });
  });
});

describe("the profile saved beside a profile sheet the register does not know", () => {
  it("is the one read back, so a saved mapping is never ignored", async () => {
    const stale = buildProfileSheet(DEFAULT_PROFILE);
    // A profile sheet a program that drops the register saved: the add-in cannot prove it is its own.
    const port = new MemoryWorkbook([
      { name: "TrackerProfile", values: [[String(stale.runs[0]?.values[0])], ["not a profile any more"]] },
    ]);
    const changed = { ...DEFAULT_PROFILE, name: "Our own profile" };
    const written = await port.writeSheet(buildProfileSheet(changed));
    expect(written.name).toBe("TrackerProfile (2)");
    const loaded = await loadProfile(port);
    expect(loaded.source).toBe("workbook");
    expect(loaded.profile.name).toBe("Our own profile");
  });
});
