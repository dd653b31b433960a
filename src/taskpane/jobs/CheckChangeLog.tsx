import { useMemo } from "react";
import { Button, Subtitle2, Text } from "@fluentui/react-components";
import type { ChangeLogRow } from "../../engine/fixes/changeLog";
import { changeSetsOf } from "../model/changeSetsOf";
import { useLayoutStyles } from "../layoutStyles";
import { UndoHistoryNote } from "../UndoHistoryNote";

export interface CheckChangeLogProps {
  /** The Change log sheet's rows, oldest first. */
  log: readonly ChangeLogRow[];
  busy: boolean;
  onUndo: (changeSetId: string) => void;
}

/** Check data's Change log: each change set applied, newest first, with a button to undo it. */
export function CheckChangeLog({ log, busy, onUndo }: CheckChangeLogProps) {
  const layout = useLayoutStyles();
  const changeSets = useMemo(() => changeSetsOf(log), [log]);
  return (
    <section aria-label="Change log" className={layout.stack}>
      <Subtitle2 as="h2">Change log ({log.length} changes)</Subtitle2>
      {changeSets.length === 0 && <Text>No changes logged yet.</Text>}
      {changeSets.length > 0 && <UndoHistoryNote action="undoing a change set from the log" />}
      <ul className={layout.list}>
        {changeSets.map((set) => (
          <li key={set.id} className={layout.buttons}>
            <Text>
              {set.id} · {set.when} · {set.count} changes
            </Text>
            <Button size="small" onClick={() => onUndo(set.id)} disabled={busy} aria-label={`Undo ${set.id}`}>
              Undo
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
