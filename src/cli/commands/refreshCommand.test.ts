import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { captureIo } from "../../../test/support/captureIo";
import { readChangeLog } from "../../engine/fixes/changeLog";
import { PlantedDifference } from "../../engine/ssda903/generateSsda903Extract";
import { XlsxWorkbook } from "../../xlsx/XlsxWorkbook";
import { main } from "../main";
import { tempFolder } from "../../../test/support/checkCommandFixtures";
import { PLANTED_DIFFERENCES_FILE } from "./refreshCommandSample";

const folder = tempFolder("tracker-refresh-");
const clock = new Date(2026, 10, 24, 14, 30);
const tracker = join(folder, "sample.xlsx");
const extract = join(folder, "ssda903");

beforeAll(async () => {
  const io = captureIo(clock);
  const code = await main(
    ["sample", "--rows", "120", "--seed", "3", "--as-of", "2026-11-24", "--out", tracker, "--903", extract],
    io,
  );
  expect(io.stderr).toEqual([]);
  expect(code).toBe(0);
  expect(io.stdout.some((line) => line.startsWith(`Wrote the matching SSDA903 extract to ${extract}`))).toBe(
    true,
  );
});

const planted = (): PlantedDifference[] =>
  PlantedDifference.array().parse(JSON.parse(readFileSync(join(extract, PLANTED_DIFFERENCES_FILE), "utf8")));

describe("tracker refresh", () => {
  it("refreshes a copy from the sample's extract folder, logs it, and a second run changes nothing", async () => {
    const out = join(folder, "refreshed.xlsx");
    const before = readFileSync(tracker);
    const io = captureIo(clock);
    expect(
      await main(["refresh", tracker, "--from", extract, "--as-of", "2026-11-24", "--out", out], io),
    ).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(io.stdout[0]).toBe(
      "Read ad1.csv (AD1), episodes.csv (Episodes), header.csv (Header), placed_adoption.csv (PlacedAdoption), reviews.csv (Reviews)",
    );
    expect(readFileSync(tracker).equals(before)).toBe(true);
    const differences = planted();
    for (const p of differences.filter((d) => d.kind === "conflict")) {
      expect(io.stdout).toContainEqual(
        expect.stringMatching(
          `${p.childId}, 1st (CLA|LAC) review: tracker ${p.tracker}, system ${p.system}$`,
        ),
      );
    }
    for (const p of differences.filter((d) => d.kind === "ceased")) {
      expect(io.stdout).toContainEqual(
        expect.stringContaining(`${p.childId}: ceased ${p.system} (${p.reason ?? ""})`),
      );
    }
    expect(io.stdout).toContain("New children: 3");
    expect(io.stdout).toContain(`Wrote ${out} with the changes listed in its “Change log” sheet.`);

    const copy = await XlsxWorkbook.load(out);
    const log = readChangeLog(await copy.readSheet("Change log"));
    expect(log.length).toBeGreaterThan(0);
    expect(new Set(log.map((r) => r.changeSet))).toEqual(new Set(["RF-20261124-1430"]));

    const again = captureIo(clock);
    expect(await main(["refresh", out, "--from", extract, "--as-of", "2026-11-24", "--dry-run"], again)).toBe(
      0,
    );
    // The three conflicts kept the tracker's values: still differences, so not "already holds".
    expect(again.stdout).toContain(
      "Nothing to change, but 3 conflict(s) above keep the tracker's value where the extract says otherwise (--accept-system takes the system's).",
    );
    expect(again.stdout).toContain("New children: 0");

    const accepted = join(folder, "accepted.xlsx");
    const accept = captureIo(clock);
    const refresh = ["refresh", out, "--from", extract, "--as-of", "2026-11-24"];
    expect(await main([...refresh, "--accept-system", "--out", accepted], accept)).toBe(0);
    const agreed = captureIo(clock);
    expect(
      await main(["refresh", accepted, "--from", extract, "--as-of", "2026-11-24", "--dry-run"], agreed),
    ).toBe(0);
    expect(agreed.stdout).toContain("Conflicts: 0");
    expect(agreed.stdout).toContain("Nothing to change: the tracker already holds what the extract says.");
  });

  it("only prints on a dry run", async () => {
    const io = captureIo(clock);
    expect(await main(["refresh", tracker, "--from", join(extract, "episodes.csv"), "--dry-run"], io)).toBe(
      0,
    );
    expect(io.stdout[io.stdout.length - 1]).toMatch(
      /^Dry run: change set RF-20261124-1430 would make \d+ change\(s\)\. Nothing was written\.$/,
    );
  });

  it("says which table lacks which column, in one line, exit 2", async () => {
    const bad = join(folder, "bad");
    mkdirSync(bad);
    writeFileSync(
      join(bad, "episodes.csv"),
      "CHILD,DECOM,RNE,LS,PLACE,PLACE_PROVIDER,DEC\r\nC1,01/02/2025,S,C1,U4,PR1,\r\n",
    );
    const io = captureIo(clock);
    expect(await main(["refresh", tracker, "--from", bad, "--dry-run"], io)).toBe(2);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toContain("episodes.csv looks like the Episodes table but has no REC column");
  });

  it("refuses a missing --from, a missing path and a folder without CSV files", async () => {
    const empty = join(folder, "empty");
    mkdirSync(empty);
    for (const [args, message] of [
      [[], "--from <file or folder> is required"],
      [["--from", join(folder, "nowhere")], "there is no file or folder"],
      [["--from", empty], "has no .csv files"],
    ] as const) {
      const io = captureIo(clock);
      expect(await main(["refresh", tracker, ...args, "--dry-run"], io)).toBe(2);
      expect(io.stderr.join("\n")).toContain(message);
    }
  });
});
