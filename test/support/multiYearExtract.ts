import type { CellValue } from "../../src/engine/cells/CellValue";
import { excelSerialFromEpochDay } from "../../src/engine/cells/coerceCellDate";
import { parseIsoDate, type EpochDay } from "../../src/engine/dates/epochDay";

/**
 * A multi-year SSDA903 extract as authorities and regional groups keep it (issue 19): three
 * returns (2020, 2021, 2022) concatenated with YEAR and LA columns, ISO dates (some with the
 * midnight time a database export adds), numeric child IDs, the same episodes repeated in each
 * return with later returns closing them; a region file of two authorities; and a Joint Tracker
 * that matches it. Everything is made here, in code; lines are counted as rows are added, so every
 * planted problem knows its file and line.
 */
export interface MultiYearExtract {
  files: { name: string; text: string }[];
  /** Episodes of two authorities in one file. */
  regionFile: { name: string; text: string };
  authorities: string[];
  /** The Joint Tracker sheet's values; child IDs are numbers, as Excel keeps typed digits. */
  tracker: CellValue[][];
  asOf: EpochDay;
  /** The real inconsistencies planted, each to be listed once. */
  planted: { code: string; childId: string; file: string; line: number }[];
  /** Children in care in the latest return and missing from the tracker. */
  newChildren: string[];
  /** Children of the tracker whose care a later return ends. */
  ceased: { childId: string; day: string; reason: string }[];
}

const LA = "Northshire";
const EPISODES =
  "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,LA,YEAR";
const HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,LA,YEAR";
const REVIEWS = "CHILD,DOB,REVIEW,REVIEW_CODE,LA,YEAR";

type Row = [
  child: string,
  decom: string,
  rne: string,
  ls: string,
  place: string,
  provider: string,
  dec: string,
  rec: string,
];

/** A file being written, that knows the line of each row it adds. */
class FileBuilder {
  readonly lines: string[];
  constructor(
    readonly name: string,
    header: string,
  ) {
    this.lines = [header];
  }
  add(fields: string[]): number {
    this.lines.push(fields.join(","));
    return this.lines.length;
  }
  text(): string {
    return `${this.lines.join("\r\n")}\r\n`;
  }
}

export function buildMultiYearExtract(): MultiYearExtract {
  const episodes = new FileBuilder("episodes.csv", EPISODES);
  const header = new FileBuilder("header.csv", HEADER);
  const reviews = new FileBuilder("reviews.csv", REVIEWS);
  const planted: MultiYearExtract["planted"] = [];
  const episode = (year: number, [child, decom, rne, ls, place, provider, dec, rec]: Row, la = LA): number =>
    episodes.add([child, decom, rne, ls, "N1", place, provider, dec, rec, "", "", "", "", la, String(year)]);
  const child = (year: number, id: string, dob: string): number =>
    header.add([id, "1", `${dob} 00:00:00`, "WBRI", "", "", "", LA, String(year)]);

  const returns: Record<number, Row[]> = {
    2020: [
      ["1001", "2019-06-10", "S", "C2", "U4", "PR1", "", ""],
      ["1002", "2019-11-01", "S", "C2", "U6", "PR1", "", ""],
      ["1004", "2019-04-20", "S", "C1", "K2", "PR4", "", ""],
      ["1005", "2019-10-01", "S", "V2", "U6", "PR1", "", ""],
      ["1006", "2020-01-10", "S", "C1", "U6", "PR1", "", ""],
    ],
    2021: [
      ["1001", "2019-06-10", "S", "C2", "U4", "PR1", "2020-08-15", "E11"],
      ["1002", "2019-11-01", "S", "C2", "U6", "PR1", "2020-09-01", "X1"],
      ["1002", "2020-09-01", "P", "C2", "U4", "PR4", "", ""],
      ["1004", "2019-04-20", "S", "C1", "K2", "PR4", "", ""],
      // The same child's episode, its DECOM corrected from 10/01/2020.
      ["1006", "2020-01-12", "S", "C1", "U6", "PR1", "", ""],
      ["1009", "2020-05-05", "S", "C2", "U4", "PR1", "", ""],
    ],
    2022: [
      ["1002", "2020-09-01", "P", "C2", "U4", "PR4", "", ""],
      ["1003", "2021-05-01", "S", "V2", "U6", "PR1", "", ""],
      ["1004", "2019-04-20", "S", "C1", "K2", "PR4", "2021-12-01", "E45"],
      ["1006", "2020-01-12", "S", "C1", "U6", "PR1", "", ""],
      // Open (no DEC) yet carrying a reason it ended.
      ["1007", "2021-06-01", "S", "C1", "U6", "PR1", "", "X1"],
      // Two open episodes.
      ["1008", "2021-07-01", "S", "C2", "U4", "PR1", "", ""],
      ["1008", "2021-09-01", "P", "C2", "U6", "PR1", "", ""],
      ["1009", "2020-05-05", "S", "C2", "U4", "PR1", "", ""],
    ],
  };
  const lineOf = new Map<string, number>();
  for (const year of [2020, 2021, 2022]) {
    for (const row of returns[year] ?? []) lineOf.set(`${year} ${row[0]} ${row[1]}`, episode(year, row));
  }
  const at = (year: number, id: string, decom: string): number => lineOf.get(`${year} ${id} ${decom}`) ?? 0;
  planted.push(
    {
      code: "EPISODE-NOT-IN-LATER-RETURN",
      childId: "1005",
      file: "episodes.csv",
      line: at(2020, "1005", "2019-10-01"),
    },
    { code: "EPISODE-REPLACED", childId: "1006", file: "episodes.csv", line: at(2020, "1006", "2020-01-10") },
    {
      code: "EPISODES-INCONSISTENT",
      childId: "1007",
      file: "episodes.csv",
      line: at(2022, "1007", "2021-06-01"),
    },
    {
      code: "EPISODES-INCONSISTENT",
      childId: "1008",
      file: "episodes.csv",
      line: at(2022, "1008", "2021-09-01"),
    },
  );

  const births: Record<string, string> = {
    "1001": "2012-02-02",
    "1002": "2014-07-19",
    "1003": "2019-12-24",
    "1004": "2008-10-30",
    "1005": "2016-01-15",
    "1006": "2011-05-05",
    "1007": "2018-03-09",
    "1008": "2017-08-08",
    "1009": "2015-03-03",
  };
  for (const year of [2020, 2021, 2022]) {
    const ids = [...new Set((returns[year] ?? []).map((r) => r[0]))];
    for (const id of ids) {
      // 1009's date of birth was corrected in the 2022 return: a change that matters.
      const line = child(year, id, id === "1009" && year === 2022 ? "2015-03-04" : (births[id] as string));
      if (id === "1009" && year === 2022)
        planted.push({ code: "CHILD-DOB-DIFFERS", childId: "1009", file: "header.csv", line });
    }
  }
  // Reviews are repeated in every return of the child's care; each date counts once.
  const review = (year: number, id: string, day: string) =>
    reviews.add([id, births[id] as string, day, "PN1", LA, String(year)]);
  review(2020, "1002", "2019-11-20");
  review(2020, "1002", "2020-02-15");
  review(2021, "1002", "2019-11-20");
  review(2021, "1002", "2020-02-15");
  review(2021, "1002", "2020-08-10");
  review(2022, "1002", "2021-02-01");

  const region = new FileBuilder("region-episodes.csv", EPISODES);
  region.add([
    "2001",
    "2021-04-01",
    "S",
    "C2",
    "N1",
    "U4",
    "PR1",
    "",
    "",
    "",
    "",
    "",
    "",
    "Eastborough",
    "2022",
  ]);
  region.add([
    "2001",
    "2021-06-01",
    "S",
    "C1",
    "N1",
    "U6",
    "PR1",
    "",
    "",
    "",
    "",
    "",
    "",
    "Westvale",
    "2022",
  ]);

  const serial = (iso: string): number => excelSerialFromEpochDay(parseIsoDate(iso) as EpochDay);
  const tracker: CellValue[][] = [
    [
      "Child ID",
      "Date of birth",
      "Date became looked after",
      "Legal status",
      "Placement type",
      "Social worker",
      "1st CLA review",
      "Date permanence achieved or ceased",
    ],
    [1001, serial(births["1001"] as string), serial("2019-06-10"), "C2", "U4", "A. Worker", null, null],
    [1002, serial(births["1002"] as string), serial("2019-11-01"), null, "U4", "A. Worker", null, null],
    [1006, serial(births["1006"] as string), serial("2020-01-12"), "C1", "U6", "B. Worker", null, null],
    [1007, serial(births["1007"] as string), serial("2021-06-01"), "C1", "U6", "B. Worker", null, null],
    [1008, serial(births["1008"] as string), serial("2021-07-01"), "C2", "U6", "B. Worker", null, null],
    [1009, serial("2015-03-04"), serial("2020-05-05"), "C2", "U4", "C. Worker", null, null],
  ];
  return {
    files: [episodes, header, reviews].map((f) => ({ name: f.name, text: f.text() })),
    regionFile: { name: region.name, text: region.text() },
    authorities: ["Eastborough", "Westvale"],
    tracker,
    asOf: parseIsoDate("2022-03-31") as EpochDay,
    planted,
    newChildren: ["1003"],
    ceased: [{ childId: "1001", day: "15/08/2020", reason: "E11" }],
  };
}
