import Papa from "papaparse";
import { randomChance, randomInteger, seededRandom, type RandomSource } from "../sample/seededRandom";
import { readCsv, type CsvSeparator } from "./readCsv";

/*
 * The CSV reader against a well-kept parser (papaparse 5.5.3, a development dependency only) on
 * random files as people save them: comma, semicolon or tab; CRLF, LF or lone CR line ends; a
 * byte-order mark or not; quoted fields holding separators, doubled quotes and line breaks; stray
 * quotes inside unquoted fields; blank lines and lines of empty fields (both skip them). Where the two
 * differed and papaparse was right, the reader was changed to match.
 */

const PIECES = ["A", "b", "7", " ", ",", ";", "\t", '"', "\n", "\r\n", "é", "“", "€", "x y", "01/02/2020"];

function field(random: RandomSource): string {
  let text = "";
  const length = randomInteger(random, 0, 6);
  for (let i = 0; i < length; i++) text += PIECES[randomInteger(random, 0, PIECES.length - 1)];
  return text;
}

function encode(value: string, separator: CsvSeparator, random: RandomSource): string {
  const needs = value.includes(separator) || /["\r\n]/.test(value) || value.trim() !== value;
  if (needs || randomChance(random, 0.1)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

function randomCsv(seed: number): { text: string; separator: CsvSeparator; newline: string } {
  const random = seededRandom(seed);
  const separator = ([",", ";", "\t"] as const)[randomInteger(random, 0, 2)] as CsvSeparator;
  const newline = ["\r\n", "\n", "\r"][randomInteger(random, 0, 2)] as string;
  const columns = randomInteger(random, 2, 6);
  const header = Array.from({ length: columns }, (_, i) => `COL_${i}`);
  const lines = [header.join(separator)];
  const rows = randomInteger(random, 0, 8);
  for (let r = 0; r < rows; r++) {
    if (randomChance(random, 0.1)) {
      lines.push(randomChance(random, 0.5) ? "" : separator.repeat(columns - 1));
      continue;
    }
    // Stray quotes inside an unquoted field ('ab"c', ' "c') are kept as written by both.
    const values = Array.from({ length: columns }, () =>
      randomChance(random, 0.1)
        ? `${randomChance(random, 0.5) ? " " : "a"}"b${randomInteger(random, 0, 9)}`
        : encode(field(random), separator, random),
    );
    lines.push(values.join(separator));
  }
  const body = lines.join(newline) + (randomChance(random, 0.5) ? newline : "");
  return { text: (randomChance(random, 0.3) ? "\uFEFF" : "") + body, separator, newline };
}

// papaparse is told the line end: it guesses it from the first one it meets, even inside quotes.
function papaRows(text: string, separator: CsvSeparator, newline: string): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
    delimiter: separator,
    newline: newline as "\r\n",
    skipEmptyLines: "greedy",
  });
  return parsed.data;
}

describe("readCsv against papaparse on random files", () => {
  it("splits 2,000 random files into the same rows and fields", () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const { text, separator, newline } = randomCsv(seed);
      const bytes = Uint8Array.from(Buffer.from(text, "utf8"));
      const read = readCsv({ name: `random-${seed}.csv`, content: bytes });
      const ours =
        read.kind === "table" ? [read.table.header.fields, ...read.table.rows.map((r) => r.fields)] : [];
      const theirs = papaRows(text, separator, newline).filter((row) => row.some((f) => f.trim() !== ""));
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
        throw new Error(
          `seed ${seed} (${JSON.stringify(text)}): ${JSON.stringify(ours)} vs ${JSON.stringify(theirs)}`,
        );
      }
    }
  });
});
