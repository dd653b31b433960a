import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { captureIo } from "../../../test/support/captureIo";
import { buildMultiYearExtract } from "../../../test/support/multiYearExtract";
import { writeXlsxFixture } from "../../../test/contract/writeXlsxFixture";
import { readCsv } from "../../engine/ssda903/readCsv";
import { XlsxWorkbook } from "../../xlsx/XlsxWorkbook";
import { main } from "../main";
import { tempFolder } from "../../../test/support/checkCommandFixtures";

const built = buildMultiYearExtract();
const folder = tempFolder("tracker-refresh-years-");
const tracker = join(folder, "tracker.xlsx");
const extract = join(folder, "903");
const region = join(folder, "region");
const clock = new Date(2022, 2, 31, 9, 0);

beforeAll(async () => {
  await writeXlsxFixture(tracker, [{ name: "Joint Tracker", values: built.tracker }]);
  mkdirSync(extract);
  for (const file of built.files) writeFileSync(join(extract, file.name), file.text);
  mkdirSync(region);
  writeFileSync(join(region, built.regionFile.name), built.regionFile.text);
});

const run = async (args: string[]) => {
  const io = captureIo(clock);
  const code = await main(["refresh", tracker, "--as-of", "2022-03-31", ...args], io);
  return { code, io };
};

describe("tracker refresh on several years' returns", () => {
  it("appends the one child in care in the latest return, ends 1001's care and lists the planted problems", async () => {
    const out = join(folder, "refreshed.xlsx");
    const before = built.files.map((f) => readFileSync(join(extract, f.name)));
    const { code, io } = await run(["--from", extract, "--out", out]);
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    expect(io.stdout[0]).toBe("Read episodes.csv (Episodes), header.csv (Header), reviews.csv (Reviews)");
    expect(io.stdout).toContain("New children: 1");
    expect(io.stdout).toContain("  1003, looked after since 01/05/2021: new row 8");
    expect(io.stdout).toContain("Children who left care: 1");
    expect(io.stdout).toContain(`Problems in the extract: ${built.planted.length}`);
    expect(io.stdout).toContain("Note: episodes.csv: dates read as yyyy-mm-dd (“2019-06-10”)");
    expect(built.files.map((f) => readFileSync(join(extract, f.name)))).toEqual(before);

    // A second refresh has nothing to change and still writes the copy it was asked for.
    const again = join(folder, "again.xlsx");
    const second = await main(
      ["refresh", out, "--as-of", "2022-03-31", "--from", extract, "--out", again],
      captureIo(clock),
    );
    expect(second).toBe(0);
    const copy = await XlsxWorkbook.load(again);
    expect((await copy.listSheets()).map((s) => s.name)).toContain("Change log");
  });

  it("names the authorities of a regional file and asks for --la, then reads the one chosen", async () => {
    const asked = await run(["--from", region, "--dry-run"]);
    expect(asked.code).toBe(2);
    expect(asked.io.stderr.join("\n")).toContain(
      "the extract holds 2 authorities (Eastborough, Westvale): choose one with --la <name>",
    );
    const chosen = await run(["--from", region, "--la", "westvale", "--dry-run"]);
    expect(chosen.code).toBe(0);
    expect(chosen.io.stdout).toContain("  2001, looked after since 01/06/2021: new row 8");
    const unknown = await run(["--from", region, "--la", "Northshire", "--dry-run"]);
    expect(unknown.code).toBe(2);
    expect(unknown.io.stderr.join("\n")).toContain("the files hold no authority “Northshire”");
  });

  it("reads the same tables from an .xlsx export, one sheet a table", async () => {
    const xlsx = join(folder, "export.xlsx");
    await writeXlsxFixture(
      xlsx,
      built.files.map((f) => {
        const read = readCsv({ name: f.name, content: f.text });
        if (read.kind !== "table") throw new Error("expected a table");
        return {
          name: f.name.replace(".csv", ""),
          values: [read.table.header.fields, ...read.table.rows.map((r) => r.fields)],
        };
      }),
    );
    const { code, io } = await run(["--from", xlsx, "--dry-run"]);
    expect(code).toBe(0);
    expect(io.stdout[0]).toBe(
      `Read ${xlsx} [episodes] (Episodes), ${xlsx} [header] (Header), ${xlsx} [reviews] (Reviews)`,
    );
    expect(io.stdout).toContain("New children: 1");
  });

  it("adds the SocialWorker table's IDs to a Worker IDs sheet for the user to name, even with nothing else to change", async () => {
    // A tracker already refreshed from the same returns: only the workers are new.
    const refreshed = join(folder, "refreshed-before-workers.xlsx");
    expect((await run(["--from", extract, "--out", refreshed])).code).toBe(0);
    const withWorkers = join(folder, "903-workers");
    mkdirSync(withWorkers);
    for (const file of built.files) writeFileSync(join(withWorkers, file.name), file.text);
    writeFileSync(
      join(withWorkers, "socialworker.csv"),
      "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON,LA,YEAR\r\n1002,2014-07-19,SW7,2021-04-01,,,Northshire,2022\r\n",
    );
    const out = join(folder, "workers.xlsx");
    const io = captureIo(clock);
    const args = ["refresh", refreshed, "--as-of", "2022-03-31", "--from", withWorkers, "--out", out];
    expect(await main(args, io)).toBe(0);
    expect(io.stdout).toContain(
      "Allocated workers (SocialWorker table): 0 named in the Worker IDs sheet; 1 ID(s) without a name, so not filled (SW7): write their names in the Worker IDs sheet",
    );
    expect(io.stdout).toContain(`Wrote ${out} with the worker IDs to name in its “Worker IDs” sheet.`);
    const copy = await XlsxWorkbook.load(out);
    expect((await copy.readSheet("Worker IDs")).values.slice(2)).toEqual([["Worker ID", "Name"], ["SW7"]]);
  });

  it("says an extract without an Episodes table cannot refresh", async () => {
    const headerOnly = join(folder, "header-only");
    mkdirSync(headerOnly);
    writeFileSync(join(headerOnly, "header.csv"), built.files[1]?.text ?? "");
    const { code, io } = await run(["--from", headerOnly, "--dry-run"]);
    expect(code).toBe(2);
    expect(io.stderr.join("\n")).toContain("refresh needs the SSDA903 Episodes file");
  });
});

describe("tracker fix --out on a clean tracker", () => {
  it("writes the copy unchanged and says so", async () => {
    const clean = join(folder, "clean.xlsx");
    await writeXlsxFixture(clean, [
      {
        name: "Joint Tracker",
        values: [
          ["Child ID", "Date became looked after"],
          ["A1", "x"],
        ].slice(0, 1),
      },
    ]);
    const out = join(folder, "clean-fixed.xlsx");
    const io = captureIo(clock);
    expect(await main(["fix", clean, "--out", out], io)).toBe(0);
    expect(io.stdout).toEqual([
      "No safe fixes to make.",
      `Wrote ${out} unchanged: there was nothing to change.`,
    ]);
    expect((await (await XlsxWorkbook.load(out)).listSheets()).map((s) => s.name)).toEqual(["Joint Tracker"]);
  });
});
