import { Button, Field, Input, Switch } from "@fluentui/react-components";
import { formatUkDate, type EpochDay } from "../../engine/dates/epochDay";
import { parseUkDateInput } from "../model/ukDateInput";

export interface SettingsAsOfProps {
  /** The as-of date as typed, which may not (yet) be a date. */
  asOfText: string;
  onAsOfTextChange: (text: string) => void;
  today: EpochDay;
  onUseToday: () => void;
  initialsOnly: boolean;
  onInitialsOnlyChange: (initialsOnly: boolean) => void;
}

/** The settings every job reads: the as-of date (typed, or today) and whether agendas show initials only. */
export function SettingsAsOf({
  asOfText,
  onAsOfTextChange,
  today,
  onUseToday,
  initialsOnly,
  onInitialsOnlyChange,
}: SettingsAsOfProps) {
  const asOf = parseUkDateInput(asOfText);
  return (
    <>
      <Field
        label="As-of date (dd/mm/yyyy)"
        hint="Every job counts deadlines as at this day. Today by default."
        validationMessage={asOf === undefined ? "Enter a date as dd/mm/yyyy." : undefined}
      >
        <Input value={asOfText} onChange={(_, d) => onAsOfTextChange(d.value)} />
      </Field>
      <div>
        <Button onClick={onUseToday}>Use today ({formatUkDate(today)})</Button>
      </div>
      <Switch
        checked={initialsOnly}
        onChange={(_, d) => onInitialsOnlyChange(d.checked)}
        label="Agendas show initials and IDs only, not names"
      />
    </>
  );
}
