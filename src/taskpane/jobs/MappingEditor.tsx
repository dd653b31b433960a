import { useState } from "react";
import { Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetSpec } from "../../engine/profile/TrackerProfile";
import { columnLetters } from "../../engine/tables/cellAddress";
import type { SheetRead } from "../../jobs/readTracker";
import { changedChoices, chooseColumn, headerChoices, type HeaderChoice } from "../model/mappingDraft";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  // minWidth 0: a long column title never widens the select past a 320 px pane.
  select: { minWidth: 0, width: "100%" },
});

export interface MappingEditorProps {
  spec: SheetSpec;
  read: SheetRead | undefined;
  /** Worksheets no profile sheet is read from, for a sheet that is missing. */
  worksheets: readonly string[];
  busy: boolean;
  onSaveColumns: (before: HeaderChoice[], after: HeaderChoice[]) => void;
  onPointSheet: (worksheet: string) => void;
}

/**
 * One profile sheet's column mapping, changeable: each header of the worksheet read as a profile
 * column or not read, each missing required column pointed at a header; or, for a sheet the
 * workbook seems not to have, the worksheet to read it from.
 */
export function MappingEditor({
  spec,
  read,
  worksheets,
  busy,
  onSaveColumns,
  onPointSheet,
}: MappingEditorProps) {
  const styles = useStyles();
  const before = read?.status === "read" ? headerChoices(read.mapping) : [];
  const [draft, setDraft] = useState<HeaderChoice[]>(before);
  const [worksheet, setWorksheet] = useState("");

  if (read?.status !== "read") {
    if (worksheets.length === 0) return null;
    return (
      <div className={styles.stack}>
        <Field label={`Read ${spec.title} from`} className={styles.select}>
          <Select className={styles.select} value={worksheet} onChange={(_, d) => setWorksheet(d.value)}>
            <option value="">Choose a worksheet…</option>
            {worksheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <div>
          <Button disabled={busy || worksheet === ""} onClick={() => onPointSheet(worksheet)}>
            Save sheet choice
          </Button>
        </div>
      </div>
    );
  }
  if (before.length === 0) return null;

  const changed = changedChoices(before, draft).length;
  const missing = spec.columns.filter((c) => c.required && !draft.some((d) => d.key === c.key));
  const label = (c: HeaderChoice): string => `${columnLetters(c.column)} “${c.header}”`;
  return (
    <div className={styles.stack} role="group" aria-label={`Column mapping of ${spec.title}`}>
      {missing.map((column) => (
        <Field
          key={column.key}
          label={`“${column.title}” (required) is read from`}
          validationMessage="Required column not found: pick the header that holds it."
          validationState="warning"
          className={styles.select}
        >
          <Select
            className={styles.select}
            value=""
            onChange={(_, d) => d.value !== "" && setDraft(chooseColumn(draft, Number(d.value), column.key))}
          >
            <option value="">No column</option>
            {draft.map((c) => (
              <option key={c.column} value={String(c.column)}>
                {label(c)}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      {draft.map((choice) => (
        <Field key={choice.column} label={label(choice)} className={styles.select}>
          <Select
            className={styles.select}
            value={choice.key ?? ""}
            onChange={(_, d) => setDraft(chooseColumn(draft, choice.column, d.value === "" ? null : d.value))}
          >
            <option value="">Not read</option>
            {spec.columns.map((c) => (
              <option key={c.key} value={c.key}>
                {c.title}
                {c.required ? " (required)" : ""}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <Text size={200}>
        {changed === 0
          ? "Change how a header is read, then save: the mapping is kept in this workbook."
          : `${changed} ${changed === 1 ? "header" : "headers"} changed, not saved yet.`}
      </Text>
      <div>
        <Button
          appearance="primary"
          disabled={busy || changed === 0}
          onClick={() => onSaveColumns(before, draft)}
        >
          Save mapping
        </Button>
      </div>
    </div>
  );
}
