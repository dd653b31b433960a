import { Text } from "@fluentui/react-components";
import { usePaneServices } from "./PaneServices";

/**
 * Said before a job that changes the workbook when the job will clear the user's own undo history,
 * which they cannot get back, so they are told first: on an Excel that cannot undo an add-in's
 * changes (before ExcelApi 1.20: Excel 2019, 2021, 2024), and on every Excel for a write to the very
 * hidden TrackerProfile sheet (`hiddenSheet`) when it must be made or hidden again, which Excel on
 * Windows and Mac cannot undo ("Undo capabilities in Excel add-ins"). Nothing outside Excel.
 */
export function UndoHistoryNote({ action, hiddenSheet = false }: { action: string; hiddenSheet?: boolean }) {
  const { port } = usePaneServices();
  const undo = port.undoHistory?.();
  if (undo === undefined || (undo === "kept" && !hiddenSheet)) return null;
  const why =
    undo === "cleared"
      ? "This version of Excel cannot undo an add-in's changes"
      : "Excel cannot always undo writing the hidden sheet the mapping is kept in";
  return (
    <Text size={200} role="note">
      {why}: {action} {undo === "cleared" ? "clears" : "can clear"} Excel&apos;s undo history, so Undo
      (Ctrl+Z) will not reach anything you did before it.
    </Text>
  );
}
