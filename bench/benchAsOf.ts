import { parseIsoDate, type EpochDay } from "../src/engine/dates/epochDay";

/** The day every generated tracker is "as at": fixed, so every run measures the same data. */
export const BENCH_AS_OF = parseIsoDate("2026-11-24") as EpochDay;
