import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { EpochDay } from "../../engine/dates/epochDay";
import type { SampleTracker } from "../../engine/sample/SampleTracker";
import { generateSsda903Extract } from "../../engine/ssda903/generateSsda903Extract";

/** The file beside the CSV files listing the planted differences (not a .csv, so refresh skips it). */
export const PLANTED_DIFFERENCES_FILE = "planted-differences.json";

/**
 * Writes the SSDA903 extract matching a sample tracker into a folder (created if needed), with the
 * planted differences as JSON, for `tracker sample --903 <folder>`. Returns one line per file.
 */
export async function writeSsda903Sample(
  sample: SampleTracker,
  folder: string,
  options: { asOf: EpochDay; seed: number },
): Promise<string[]> {
  const extract = generateSsda903Extract(sample, options);
  await mkdir(folder, { recursive: true });
  for (const file of extract.files) await writeFile(join(folder, file.name), file.text, "utf8");
  await writeFile(
    join(folder, PLANTED_DIFFERENCES_FILE),
    `${JSON.stringify(extract.planted, null, 2)}\n`,
    "utf8",
  );
  const count = (kind: string): number => extract.planted.filter((p) => p.kind === kind).length;
  return [
    `Wrote the matching SSDA903 extract to ${folder}: ${extract.files.map((f) => f.name).join(", ")}`,
    `Planted differences: ${count("conflict")} conflicting dates, ${count("fill")} cells to fill, ` +
      `${count("new-child")} children missing from the tracker, ${count("ceased")} children who left care ` +
      `(${PLANTED_DIFFERENCES_FILE})`,
  ];
}
