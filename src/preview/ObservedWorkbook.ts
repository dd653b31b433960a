import type { ApplyReport, ChangeSet } from "../engine/port/ChangeSet";
import type { MemoryWorkbook } from "../engine/port/MemoryWorkbook";
import type { ModelValue, SheetModel } from "../engine/port/SheetModel";
import type { StatusColumnsModel, StatusColumnsWrite } from "../engine/status/StatusColumnsModel";
import type { WorkbookNavigator } from "../engine/port/WorkbookNavigator";
import type {
  AppendRows,
  SheetInfo,
  SheetSnapshot,
  SheetWrite,
  WorkbookPort,
} from "../engine/port/WorkbookPort";

/** Where the navigator last took the user: a cell ("D7") or a whole row ("7:7"). */
export interface Selection {
  sheet: string;
  cell: string;
}

/**
 * The preview's workbook: the memory port the pane works on, telling the grid beside it whenever a
 * job writes, and standing in for Excel's selection when the pane takes the user to a cell.
 */
export class ObservedWorkbook implements WorkbookPort, WorkbookNavigator {
  private readonly listeners = new Set<() => void>();
  private current: Selection | undefined;
  private version = 0;

  constructor(readonly memory: MemoryWorkbook) {}

  /** Calls `listener` after every write and selection; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Changes on every write or selection: for React's useSyncExternalStore. */
  getVersion(): number {
    return this.version;
  }

  get selection(): Selection | undefined {
    return this.current;
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.memory.listSheets();
  }

  readSheet(name: string): Promise<SheetSnapshot> {
    return this.memory.readSheet(name);
  }

  async writeSheet(model: SheetModel): Promise<SheetWrite> {
    const written = await this.memory.writeSheet(model);
    this.changed();
    return written;
  }

  async appendRows(output: string, rows: readonly (readonly ModelValue[])[]): Promise<AppendRows> {
    const appended = await this.memory.appendRows(output, rows);
    this.changed();
    return appended;
  }

  async applyChanges(changes: ChangeSet): Promise<ApplyReport> {
    const report = await this.memory.applyChanges(changes);
    this.changed();
    return report;
  }

  async writeStatusColumns(model: StatusColumnsModel): Promise<StatusColumnsWrite> {
    const written = await this.memory.writeStatusColumns(model);
    this.changed();
    return written;
  }

  async select(sheet: string, cell: string): Promise<void> {
    const sheets = await this.memory.listSheets();
    const found = sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
    if (!found) throw new Error(`There is no sheet named "${sheet}"`);
    this.current = { sheet: found.name, cell: cell.toUpperCase() };
    this.changed();
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
