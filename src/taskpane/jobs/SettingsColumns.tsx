import { MessageBar, MessageBarBody, Subtitle2, Text } from "@fluentui/react-components";
import type { SheetKey, TrackerProfile } from "../../engine/profile/TrackerProfile";
import type { TrackerRead } from "../../jobs/readTracker";
import type { HeaderChoice } from "../model/mappingDraft";
import type { SheetMappingView } from "../model/mappingRows";
import { UndoHistoryNote } from "../UndoHistoryNote";
import { MappingEditor } from "./MappingEditor";

/** The last mapping saved: which sheet, and what did not come out as chosen. */
export interface SavedMapping {
  sheet: string;
  problems: string[];
}

export interface SettingsColumnsProps {
  profile: TrackerProfile;
  profileSource: "workbook" | "default";
  read: TrackerRead;
  mappings: readonly SheetMappingView[];
  /** Worksheets no profile sheet is read from. */
  unclaimed: readonly string[];
  /** The workbook version it was read at: each mapping editor starts afresh from a new read. */
  version: number;
  saved: SavedMapping | undefined;
  busy: boolean;
  onSaveColumns: (sheetKey: SheetKey, title: string, before: HeaderChoice[], after: HeaderChoice[]) => void;
  onPointSheet: (sheetKey: SheetKey, title: string, worksheet: string) => void;
}

/** How the add-in reads each sheet of the tracker: one mapping editor per profile sheet. */
export function SettingsColumns({
  profile,
  profileSource,
  read,
  mappings,
  unclaimed,
  version,
  saved,
  busy,
  onSaveColumns,
  onPointSheet,
}: SettingsColumnsProps) {
  return (
    <>
      <Subtitle2 as="h2">Columns</Subtitle2>
      <Text>
        {profileSource === "workbook"
          ? "Read with the profile saved in this workbook."
          : "Read with the default profile: headers are matched by name, wherever the columns are."}
      </Text>
      {saved && (
        <MessageBar intent={saved.problems.length === 0 ? "success" : "warning"}>
          <MessageBarBody>
            {saved.problems.length === 0
              ? `Saved how ${saved.sheet} is read, in this workbook: every job reads it that way from now on.`
              : `Saved how ${saved.sheet} is read, but: ${saved.problems.join(" ")}`}
          </MessageBarBody>
        </MessageBar>
      )}
      <UndoHistoryNote action="saving a mapping" hiddenSheet />
      {profile.sheets.map((spec, index) => (
        <details key={spec.key}>
          <summary>
            {spec.title}: {mappings[index]?.summary}
          </summary>
          <MappingEditor
            key={`${spec.key}-${version}`}
            spec={spec}
            read={read.mappings[spec.key]}
            worksheets={unclaimed}
            busy={busy}
            onSaveColumns={(before, after) => onSaveColumns(spec.key, spec.title, before, after)}
            onPointSheet={(worksheet) => onPointSheet(spec.key, spec.title, worksheet)}
          />
        </details>
      ))}
    </>
  );
}
