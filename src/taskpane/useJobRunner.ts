import { useCallback, useRef, useState } from "react";
import type { EpochDay } from "../engine/dates/epochDay";
import type { WorkbookPort } from "../engine/port/WorkbookPort";
import { recordHistoryAfterJob } from "./model/historyAfterJob";
import { JobCancelled, plainError } from "./model/plainError";
import { watchPort, type JobProgress } from "./model/watchPort";

export interface JobRunner {
  running: boolean;
  progress: JobProgress | undefined;
  /** The last failure in plain words; cleared when the next run starts. */
  error: string | undefined;
  /** Set when the user cancelled the last run. */
  cancelled: boolean;
  /**
   * What the user must know about the last run that wrote to the workbook, though it succeeded: an
   * output written under another name because a user's sheet had its name, what this version of
   * Excel could not do. A run that only reads (a view reloading after a write) keeps them.
   */
  notes: string[];
  /**
   * Runs one job over a watched port. Resolves to the job's result, or `undefined` when it failed
   * (the error is shown) or was cancelled.
   */
  run<T>(doing: string, work: (port: WorkbookPort) => Promise<T>): Promise<T | undefined>;
  cancel(): void;
}

/**
 * Progress, cancel and plain-English errors for the jobs a view runs, one at a time. After each job
 * that succeeds, the tracker's overwritten dates are recorded in the Tracker history, seen `today`
 * (recordHistoryAfterJob).
 */
export function useJobRunner(port: WorkbookPort, today?: EpochDay): JobRunner {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<JobProgress | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [cancelled, setCancelled] = useState(false);
  const [notes, setNotes] = useState<string[]>([]);
  const controller = useRef<AbortController | undefined>(undefined);

  const run = useCallback(
    async <T>(doing: string, work: (port: WorkbookPort) => Promise<T>): Promise<T | undefined> => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setRunning(true);
      setError(undefined);
      setCancelled(false);
      setProgress(undefined);
      const onNotes = (more: readonly string[]): void =>
        setNotes((now) => [...now, ...more.filter((note) => !now.includes(note))]);
      try {
        const watched = watchPort(port, {
          signal: abort.signal,
          onProgress: setProgress,
          onNotes,
          onWriteStart: () => setNotes([]),
        });
        const result = await work(watched);
        await recordHistoryAfterJob(watched, result, today);
        return result;
      } catch (e) {
        if (e instanceof JobCancelled) setCancelled(true);
        else setError(plainError(e, doing));
        return undefined;
      } finally {
        if (controller.current === abort) {
          setRunning(false);
          controller.current = undefined;
        }
      }
    },
    [port, today],
  );
  const cancel = useCallback(() => controller.current?.abort(), []);
  return { running, progress, error, cancelled, notes, run, cancel };
}
