import type { CellValue } from "../cells/CellValue";

/** A cell of a count column read as a number: numbers as they are, numeric text too ("3"). */
export type CountReading =
  { kind: "number"; value: number } | { kind: "empty" } | { kind: "notNumber"; text: string };

export function readCount(value: CellValue): CountReading {
  if (value === null) return { kind: "empty" };
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "string") {
    const text = value.trim();
    if (text === "") return { kind: "empty" };
    if (/^[+-]?\d+(\.\d+)?$/.test(text)) return { kind: "number", value: Number(text) };
    return { kind: "notNumber", text };
  }
  return {
    kind: "notNumber",
    text:
      value instanceof Date
        ? "a date"
        : typeof value === "boolean"
          ? String(value).toUpperCase()
          : value.error,
  };
}

/**
 * A count cell's number without a reading object, for checks that visit every cell: the number,
 * `undefined` for an empty cell and NaN for one that is not a number (no comparison holds for NaN,
 * as none held for a reading that was not a number).
 */
export function countOf(value: CellValue): number | undefined {
  if (typeof value === "number") return value;
  const read = readCount(value);
  return read.kind === "number" ? read.value : read.kind === "empty" ? undefined : Number.NaN;
}
