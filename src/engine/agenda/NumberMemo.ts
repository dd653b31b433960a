/** Numbers from -OFFSET to LIMIT - OFFSET - 1 live in pages; others (NONE, far dates) in a map. */
const OFFSET = 1 << 16;
const LIMIT = 1 << 17;
const PAGE_BITS = 8;
const PAGE_SIZE = 1 << PAGE_BITS;

/**
 * Remembered values of a function of a whole number (a day, a count of days), for numbers near each
 * other: `memo.get(n) ?? memo.set(n, make(n))`.
 *
 * Held in pages of 256 slots, made as they are first needed: a look-up is two array reads. An
 * agenda asks for a status or a date hundreds of thousands of times, and a hashed map's look-ups
 * were a large part of its time (issue 9). It takes no function to make the values: a closure per
 * memo, dropped with each agenda, made the compiler throw away the code that called it.
 */
export class NumberMemo<T> {
  private readonly pages = new Array<(T | undefined)[] | undefined>(LIMIT >> PAGE_BITS);
  private readonly others = new Map<number, T>();

  get(n: number): T | undefined {
    const at = n + OFFSET;
    if (at >= 0 && at < LIMIT && Number.isInteger(at))
      return this.pages[at >> PAGE_BITS]?.[at & (PAGE_SIZE - 1)];
    return this.others.get(n);
  }

  /** Remembers the value of n, and returns it. */
  set(n: number, value: T): T {
    const at = n + OFFSET;
    if (at >= 0 && at < LIMIT && Number.isInteger(at)) {
      const page = (this.pages[at >> PAGE_BITS] ??= new Array<T | undefined>(PAGE_SIZE));
      page[at & (PAGE_SIZE - 1)] = value;
    } else {
      this.others.set(n, value);
    }
    return value;
  }
}
