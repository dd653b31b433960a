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
 * 4 MB / 64 bytes = 65,536 cells per chunk. Reads start there and then follow what they measure
 * (see `ChunkSizer`); writes measure each statement.
 */
export const BYTES_PER_CELL = 64;
export const CELLS_PER_CHUNK = Math.floor(PAYLOAD_BUDGET_BYTES / BYTES_PER_CELL);

/** Bytes one queued operation costs in a request beyond its data: its path, ids and method name. */
export const BYTES_PER_OPERATION = 200;

/** Rows of `columns` cells that fit in one chunk of `cells` cells (at least one row). */
export function rowsPerChunk(columns: number, cells: number = CELLS_PER_CHUNK): number {
  return Math.max(1, Math.floor(cells / Math.max(1, columns)));
}

/** The size of a value once serialised as JSON, as Office sends it. */
export function jsonBytes(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

/**
 * How many cells one read sync may load, learned as the sheets are read: it starts from the
 * generous 64 bytes a cell, then follows the bytes per cell the responses measured (with a quarter
 * to spare, as later rows may hold longer text), growing for sheets of short codes and dates and
 * shrinking for sheets of long notes. A response that still passes the limit halves it.
 */
export class ChunkSizer {
  private bytesPerCell = BYTES_PER_CELL;

  /** Cells the next sync may load. */
  cellsPerSync(): number {
    return Math.max(1, Math.floor(PAYLOAD_BUDGET_BYTES / (this.bytesPerCell * MARGIN)));
  }

  /** What a sync of `cells` cells measured, values and formats together. */
  measured(cells: number, bytes: number): void {
    if (cells > 0 && bytes > 0) this.bytesPerCell = Math.max(MIN_BYTES_PER_CELL, bytes / cells);
  }

  /** After a response over the limit: half the cells per sync; false when a sync is one cell already. */
  halve(): boolean {
    if (this.cellsPerSync() <= 1) return false;
    this.bytesPerCell *= 2;
    return true;
  }
}

/** Headroom over the bytes per cell measured so far. */
const MARGIN = 1.25;
/** `[[1,2]]`: even an empty cell costs a few bytes of JSON, so no estimate goes below this. */
const MIN_BYTES_PER_CELL = 4;

/** Whether Office refused a sync for its size: it can be asked for again in smaller parts. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}
