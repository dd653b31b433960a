import { createWorkingDayCalendar } from "../../src/engine/calendar/WorkingDayCalendar";
import type { CellValue } from "../../src/engine/cells/CellValue";
import { parseIsoDate, type EpochDay } from "../../src/engine/dates/epochDay";
import { DEFAULT_STANDARDS } from "../../src/engine/standards/defaultStandards";
import type { Standard } from "../../src/engine/standards/Standard";
import { evaluateStandard, type EvaluationContext } from "../../src/engine/evaluation/evaluateStandard";
import type { StandardResult } from "../../src/engine/evaluation/StandardResult";

/*
 * Helpers for the evaluation tests: rows built in code from the values a user would type, evaluated
 * against the default standards with the real England & Wales calendar.
 */

export const calendar = createWorkingDayCalendar();

export function day(iso: string): EpochDay {
  const d = parseIsoDate(iso);
  if (d === undefined) throw new Error(`bad test date ${iso}`);
  return d;
}

export function defaultStandard(id: string): Standard {
  const standard = DEFAULT_STANDARDS.find((s) => s.id === id);
  if (!standard) throw new Error(`no default standard ${id}`);
  return standard;
}

export function contextAsOf(
  asOf: string,
  standards: readonly Standard[] = DEFAULT_STANDARDS,
): EvaluationContext {
  return { asOf: day(asOf), calendar, standardsById: new Map(standards.map((s) => [s.id, s])) };
}

/** Evaluates a default standard on a row of cell values (dates typed as text, as users do). */
export function evaluate(id: string, values: Record<string, CellValue>, asOf: string): StandardResult {
  return evaluateStandard(defaultStandard(id), { rowNumber: 7, values }, contextAsOf(asOf));
}
