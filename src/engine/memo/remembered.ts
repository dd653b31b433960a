/**
 * The value a memo holds for a key, read and kept first when it holds none. A tracker repeats the
 * same few thousand texts, days and formats over hundreds of thousands of cells, so reading each
 * distinct one once is what keeps a large tracker fast. The memo is emptied when it holds
 * `limit` values, so a sheet of unusual values cannot grow it without bound.
 *
 * `read` should be a function made once, not a closure made per call: on a hot path a new closure
 * per call costs more than the lookup it guards.
 *
 * @example remembered(WORDS, "Date of 1st LAC review", splitIntoWords)
 */
export function remembered<K, V>(memo: Map<K, V>, key: K, read: (key: K) => V, limit = 65_536): V {
  let found = memo.get(key);
  if (found === undefined) {
    found = read(key);
    if (memo.size >= limit) memo.clear();
    memo.set(key, found);
  }
  return found;
}
