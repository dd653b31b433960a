import { DEFAULT_PROFILE as DEFAULT } from "../../engine/profile/defaultProfile";
import { MemoryWorkbook } from "../../engine/port/MemoryWorkbook";
import { aliasSheet } from "../../engine/profile/remapColumn";
import { buildProfileSheet } from "../../engine/profile/profileSheet";
import { profileSheet, type ColumnKey } from "../../engine/profile/TrackerProfile";
import { loadProfile } from "../../jobs/loadProfile";
import { readTracker } from "../../jobs/readTracker";
import {
  applyChoices,
  changedChoices,
  chooseColumn,
  headerChoices,
  unclaimedWorksheets,
  unmetChoices,
} from "./mappingDraft";

/** A joint tracker whose worker column is headed "Key worker" (not a name the default knows). */
const workbook = (): MemoryWorkbook =>
  new MemoryWorkbook([
    {
      name: "Joint Tracker",
      values: [
        ["Child ID", "Date became looked after", "Worker", "Key worker", "Favourite colour"],
        ["C1", "01/02/2025", "Ann Smith", "Bob Jones", ""],
      ],
    },
    { name: "Kids in care 2026", values: [["Child ID"], ["C9"]] },
  ]);

async function choicesOf(port: MemoryWorkbook) {
  const { profile } = await loadProfile(port);
  const read = await readTracker(port, profile);
  const sheet = read.mappings.jointTracker;
  if (sheet?.status !== "read") throw new Error("the joint tracker was not read");
  return { profile, read, choices: headerChoices(sheet.mapping) };
}

const keys = (choices: { header: string; key: ColumnKey | null }[]) =>
  Object.fromEntries(choices.map((c) => [c.header, c.key]));

describe("the column mapping draft", () => {
  it("lists every headed column left to right with what it is read as now", async () => {
    const { choices } = await choicesOf(workbook());
    expect(choices.map((c) => c.column)).toEqual([1, 2, 3, 4, 5]);
    expect(keys(choices)).toEqual({
      "Child ID": "childId",
      "Date became looked after": "becameLookedAfter",
      Worker: "socialWorker",
      "Key worker": null,
      "Favourite colour": null,
    });
  });

  it("reads a profile column from one header only: choosing it for another header unreads the first", async () => {
    const { choices } = await choicesOf(workbook());
    const chosen = chooseColumn(choices, 4, "socialWorker");
    expect(keys(chosen)).toMatchObject({ Worker: null, "Key worker": "socialWorker" });
    expect(changedChoices(choices, chosen).map((c) => c.header)).toEqual(["Worker", "Key worker"]);
    expect(keys(chooseColumn(chosen, 5, null))).toEqual(keys(chosen));
  });

  it("saved in the workbook's profile sheet, makes the next read follow the choices", async () => {
    const port = workbook();
    const { profile, choices } = await choicesOf(port);
    const chosen = chooseColumn(choices, 4, "socialWorker");
    const saved = applyChoices(profile, "jointTracker", choices, chosen);
    expect(saved.conflicts).toEqual([]);
    await port.writeSheet(buildProfileSheet(saved.profile));

    const again = await choicesOf(port);
    expect((await loadProfile(port)).source).toBe("workbook");
    expect(keys(again.choices)).toEqual(keys(chosen));
    const titleOf = (k: ColumnKey) => k;
    expect(unmetChoices(chosen, again.read.mappings.jointTracker, titleOf)).toEqual([]);
    expect((await port.listSheets()).find((s) => s.name === "TrackerProfile")?.visibility).toBe("veryHidden");
  });

  it("does not save a header that is another column's own title, and says why", async () => {
    const { profile, choices } = await choicesOf(workbook());
    const chosen = chooseColumn(choices, 1, null);
    const saved = applyChoices(profile, "jointTracker", choices, chosen);
    expect(saved.profile).toEqual(profile);
    expect(saved.conflicts).toEqual([
      {
        column: 1,
        message:
          "“Child ID” is the add-in's own header for “Child ID”: rename it in the sheet for it not to be read.",
      },
    ]);
  });

  it("says which choices the next read still does not follow", async () => {
    const { read, choices } = await choicesOf(workbook());
    const wanted = chooseColumn(choices, 3, null);
    const titleOf = (k: ColumnKey) =>
      profileSheet(DEFAULT, "jointTracker")?.columns.find((c) => c.key === k)?.title ?? k;
    expect(unmetChoices(wanted, read.mappings.jointTracker, titleOf)).toEqual([
      "“Worker” is still read as “Social worker”: rename the header in the sheet to change that.",
    ]);
  });

  it("offers a missing sheet the worksheets no profile sheet is read from, and saving one makes it read", async () => {
    const port = workbook();
    const { profile, read } = await choicesOf(port);
    expect(read.mappings.ploTracker?.status).toBe("missing");
    expect(unclaimedWorksheets(await port.listSheets(), read)).toEqual(["Kids in care 2026"]);
    const pointed = aliasSheet(profile, "ploTracker", "Kids in care 2026");
    const reread = await readTracker(port, pointed);
    expect(reread.mappings.ploTracker).toMatchObject({ status: "read", sheetName: "Kids in care 2026" });
  });
});
