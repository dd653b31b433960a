/**
 * How big one `context.sync()` may get. Excel on the web refuses a request or response over 5 MB
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization);
 * the port keeps every batch under a 4 MB budget, leaving a fifth for Office's own envelope.
 */
export const EXCEL_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;

/**
 * Bytes one cell is assumed to take in a response carrying its value and its number format: a
 * tracker cell is an ID, a name, a code or a date serial (under 40 characters of JSON) and its format
 * ("dd/mm/yyyy", "General") is under 15; 64 bytes, with commas and quotes, is a generous round figure.
 * 4 MB / 64 bytes = 65,536 cells per chunk. A sheet of long free text (case notes) can exceed the
 * estimate: reads then measure each chunk and shrink the next (see `nextChunkCells`).
 */
export const BYTES_PER_CELL = 64;
export const CELLS_PER_CHUNK = Math.floor(PAYLOAD_BUDGET_BYTES / BYTES_PER_CELL);

/** Bytes one queued operation costs in a request beyond its data: its path, ids and method name. */
export const BYTES_PER_OPERATION = 200;

/** Rows of `columns` cells that fit in one chunk of `cells` cells (at least one row). */
export function rowsPerChunk(columns: number, cells: number = CELLS_PER_CHUNK): number {
  return Math.max(1, Math.floor(cells / Math.max(1, columns)));
}

/** Row blocks [first, last] (1-based, inclusive) covering rows `first`..`last` in chunks. */
export function rowChunks(first: number, last: number, rowsEach: number): Array<[number, number]> {
  const chunks: Array<[number, number]> = [];
  for (let top = first; top <= last; top += rowsEach) chunks.push([top, Math.min(last, top + rowsEach - 1)]);
  return chunks;
}

/** The size of a value once serialised as JSON, as Office sends it. */
export function jsonBytes(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

/**
 * The cells the next chunk may hold after a chunk of `cells` cells measured `bytes`: the estimate
 * stays unless the data were bigger than assumed, when the chunk shrinks to fit the budget.
 */
export function nextChunkCells(cells: number, bytes: number): number {
  if (bytes <= 0 || cells <= 0) return CELLS_PER_CHUNK;
  const perCell = bytes / cells;
  return perCell <= BYTES_PER_CELL
    ? CELLS_PER_CHUNK
    : Math.max(1, Math.floor(PAYLOAD_BUDGET_BYTES / perCell));
}
