/** Numbers from -OFFSET to LIMIT - OFFSET - 1 live in pages; others (NONE, far dates) in a map. */
const OFFSET = 1 << 16;
const LIMIT = 1 << 17;
const PAGE_BITS = 8;
const PAGE_SIZE = 1 << PAGE_BITS;

/**
 * Remembered values of a function of a whole number (a day, a count of days), for numbers near each
 * other: `memo.get(n) ?? memo.set(n, make(n))`.
 */
export interface NumberMemo<T> {
  get(n: number): T | undefined;
  /** Remembers the value of n, and returns it. */
  set(n: number, value: T): T;
}

/*
 * Held in pages of 256 slots, made as they are first needed: a look-up is two array reads. An agenda
 * asks for a status or a date hundreds of thousands of times, and a hashed map's look-ups were a large
 * part of its time.
 *
 * The agenda's helpers are object literals over their functions' state, not class instances: a class
 * instance gets its fields one by one, and the shape it ends with is forgotten when the last instance
 * is collected, so all the code compiled for it was compiled again for each agenda. A literal's shape
 * is kept with the literal (as TypedTable's is).
 */
export function numberMemo<T>(): NumberMemo<T> {
  const pages = new Array<(T | undefined)[] | undefined>(LIMIT >> PAGE_BITS);
  const others = new Map<number, T>();
  return {
    get(n) {
      const at = n + OFFSET;
      if (at >= 0 && at < LIMIT && Number.isInteger(at))
        return pages[at >> PAGE_BITS]?.[at & (PAGE_SIZE - 1)];
      return others.get(n);
    },
    set(n, value) {
      const at = n + OFFSET;
      if (at >= 0 && at < LIMIT && Number.isInteger(at)) {
        const page = (pages[at >> PAGE_BITS] ??= new Array<T | undefined>(PAGE_SIZE));
        page[at & (PAGE_SIZE - 1)] = value;
      } else {
        others.set(n, value);
      }
      return value;
    },
  };
}
