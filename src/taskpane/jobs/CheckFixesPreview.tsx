import { Button, Checkbox, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ChangeSet } from "../../engine/port/ChangeSet";
import { changeKey, tickedCount, toggleTick } from "../model/changeSelection";
import { displayCell, displayWrittenValue } from "../model/displayCell";
import { useLayoutStyles } from "../layoutStyles";
import { UndoHistoryNote } from "../UndoHistoryNote";

const useStyles = makeStyles({
  change: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
});

const SHOWN_CHANGES = 100;

export interface CheckFixesPreviewProps {
  /** The changes the safe fixes would make (from a dry run). */
  changeSet: ChangeSet;
  /** The changes the user unticked, by "Sheet!A1": the rest are applied. */
  unticked: ReadonlySet<string>;
  onUntickedChange: (unticked: ReadonlySet<string>) => void;
  busy: boolean;
  onApply: () => void;
}

/** Check data's safe fixes: every change they would make, each with a tick box, and the Apply button. */
export function CheckFixesPreview({
  changeSet,
  unticked,
  onUntickedChange,
  busy,
  onApply,
}: CheckFixesPreviewProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { changes } = changeSet;
  const ticked = tickedCount(changes, unticked);
  return (
    <section aria-label="Safe fixes" className={layout.stack}>
      <Subtitle2 as="h2">Safe fixes ({changes.length})</Subtitle2>
      {changes.length === 0 ? (
        <Text>Nothing the add-in can fix safely.</Text>
      ) : (
        <>
          <Text>
            Every ticked change below will be made, then logged on the Change log sheet so it can be undone.
            Untick any you do not want.
          </Text>
          <ul className={layout.list} aria-label="Changes the fixes will make">
            {changes.slice(0, SHOWN_CHANGES).map((c) => {
              const key = changeKey(c);
              return (
                <li key={key} className={styles.change}>
                  <Checkbox
                    checked={!unticked.has(key)}
                    onChange={(_, d) => onUntickedChange(toggleTick(unticked, key, d.checked === true))}
                    label={`${key}: “${displayCell(c.old)}” → “${displayWrittenValue(c.new, c.numberFormat)}”`}
                  />
                </li>
              );
            })}
          </ul>
          {changes.length > SHOWN_CHANGES && (
            <Text size={200}>and {changes.length - SHOWN_CHANGES} more changes.</Text>
          )}
          <UndoHistoryNote action="applying fixes" />
          <div>
            <Button appearance="primary" onClick={onApply} disabled={busy || ticked === 0}>
              Apply {ticked} {ticked === 1 ? "fix" : "fixes"}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
