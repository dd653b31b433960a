/** The part of `localStorage` the pane uses, so tests and other hosts can hand in their own. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * The storage key of a user's chosen worker. Each user of a shared machine or browser profile
 * keeps their own choice: in Excel the key includes the signed-in user's id when the host gives one.
 */
export function workerKey(userId: string): string {
  return `permanence-tracker:my-cases-worker:${userId.trim().toLowerCase() || "anyone"}`;
}

/** The worker this user chose last time, if still one of the workbook's workers. */
export function recallWorker(
  store: KeyValueStore,
  userId: string,
  workers: readonly string[],
): string | undefined {
  let saved: string | null;
  try {
    saved = store.getItem(workerKey(userId));
  } catch {
    // Storage can be switched off (private windows, some Office hosts): the pane just asks again.
    return undefined;
  }
  return saved !== null && workers.includes(saved) ? saved : undefined;
}

export function rememberWorker(store: KeyValueStore, userId: string, worker: string): void {
  try {
    store.setItem(workerKey(userId), worker);
  } catch {
    // Not remembered where storage is refused; choosing works all the same.
  }
}
