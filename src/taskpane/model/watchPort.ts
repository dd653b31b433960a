import type { ApplyReport, ChangeSet, LogAppend } from "../../engine/port/ChangeSet";
import type { ModelValue, SheetModel } from "../../engine/port/SheetModel";
import type { StatusColumnsModel, StatusColumnsWrite } from "../../engine/status/StatusColumnsModel";
import type {
  AppendRows,
  SheetInfo,
  SheetSnapshot,
  SheetWrite,
  WorkbookPort,
} from "../../engine/port/WorkbookPort";
import { JobCancelled } from "./plainError";

/** What the pane shows while a job runs: which sheet, how many rows so far. */
export interface JobProgress {
  /** "Reading Joint Tracker", "Writing Agenda JTM 2026-11-24". */
  step: string;
  /** Sheets read or written so far. */
  sheets: number;
  /** Rows read so far, over every sheet. */
  rows: number;
}

export interface WatchOptions {
  onProgress: (progress: JobProgress) => void;
  /**
   * Told every note for the user as it comes: what writing a sheet could not do (a name a user's
   * sheet had, a feature this Excel lacks), and what the port noticed while reading.
   */
  onNotes?: (notes: readonly string[]) => void;
  /** Told when the job first writes to the workbook: the notes of an earlier write are stale then. */
  onWriteStart?: () => void;
  /** Aborting it cancels the job at its next call to the workbook. */
  signal: AbortSignal;
}

/**
 * The jobs know nothing of progress or cancelling, and should not: they are shared with the CLI.
 * The pane hands them this port instead, which tells the pane about each sheet read or written and
 * refuses to start another workbook call once the user has pressed Cancel, so a cancelled job
 * stops between calls. Once a job has started writing it is let finish: cancelling between a fix
 * and its Change log row would leave a change nobody can undo from the log.
 */
export function watchPort(port: WorkbookPort, options: WatchOptions): WorkbookPort {
  const progress: JobProgress = { step: "Starting", sheets: 0, rows: 0 };
  const report = (step: string, rows = 0, sheets = 1): void => {
    progress.step = step;
    progress.rows += rows;
    progress.sheets += sheets;
    options.onProgress({ ...progress });
  };
  const tell = (notes: readonly string[]): void => {
    if (notes.length > 0) options.onNotes?.(notes);
  };
  let writing = false;
  // Passed on only where the port has it: the fix job falls back to two calls where it does not.
  const applyChangesAndLog = port.applyChangesAndLog?.bind(port);
  const go = (): void => {
    if (options.signal.aborted && !writing) throw new JobCancelled();
  };
  const write = (): void => {
    go();
    if (!writing) options.onWriteStart?.();
    writing = true;
  };
  return {
    tell(note: string): void {
      tell([note]);
    },
    async listSheets(): Promise<SheetInfo[]> {
      go();
      return port.listSheets();
    },
    async readSheet(name: string): Promise<SheetSnapshot> {
      go();
      report(`Reading ${name}`, 0, 0);
      const snapshot = await port.readSheet(name);
      report(`Read ${name} (${snapshot.values.length} rows)`, snapshot.values.length);
      tell(port.takeNotes?.() ?? []);
      return snapshot;
    },
    async writeSheet(model: SheetModel): Promise<SheetWrite> {
      write();
      report(`Writing ${model.name}`, 0, 0);
      const written = await port.writeSheet(model);
      report(`Wrote ${written.name}`);
      tell([...written.notes, ...(port.takeNotes?.() ?? [])]);
      return written;
    },
    async appendRows(output: string, rows: readonly (readonly ModelValue[])[]): Promise<AppendRows> {
      write();
      report(`Adding ${rows.length} rows to ${output}`, 0, 0);
      const appended = await port.appendRows(output, rows);
      tell(port.takeNotes?.() ?? []);
      return appended;
    },
    async applyChanges(changes: ChangeSet): Promise<ApplyReport> {
      write();
      report(`Changing ${changes.changes.length} cells`, 0, 0);
      const applied = await port.applyChanges(changes);
      tell(port.takeNotes?.() ?? []);
      return applied;
    },
    ...(applyChangesAndLog
      ? {
          applyChangesAndLog: async (
            changes: ChangeSet,
            log: (report: ApplyReport) => LogAppend | undefined,
          ): Promise<{ report: ApplyReport; log?: SheetWrite }> => {
            write();
            report(`Changing ${changes.changes.length} cells and logging them`, 0, 0);
            const done = await applyChangesAndLog(changes, log);
            tell([...(done.log?.notes ?? []), ...(port.takeNotes?.() ?? [])]);
            return done;
          },
        }
      : {}),
    async writeStatusColumns(model: StatusColumnsModel): Promise<StatusColumnsWrite> {
      write();
      report(`Writing status columns on ${model.sheet}`, 0, 0);
      return port.writeStatusColumns(model);
    },
  };
}
