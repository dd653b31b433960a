import { Text } from "@fluentui/react-components";
import { usePaneServices } from "./PaneServices";

/**
 * Said before a job that changes the workbook, where this Excel cannot undo an add-in's changes
 * (before ExcelApi 1.20: Excel 2019, 2021, 2024): running it clears the user's own undo history
 * too, which they cannot get back, so they are told first. Nothing where the history is kept.
 */
export function UndoHistoryNote({ action }: { action: string }) {
  const { port } = usePaneServices();
  if (port.undoHistory?.() !== "cleared") return null;
  return (
    <Text size={200} role="note">
      This version of Excel cannot undo an add-in&apos;s changes: {action} clears Excel&apos;s undo history,
      so Undo (Ctrl+Z) will not reach anything you did before it.
    </Text>
  );
}
