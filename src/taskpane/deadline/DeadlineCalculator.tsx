import { useId, useMemo, useState } from "react";
import {
  Body1,
  Caption1,
  Card,
  Field,
  Input,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkingDayCalendar } from "../../engine/calendar/WorkingDayCalendar";
import { dayOfWeek, formatUkDate, type EpochDay } from "../../engine/dates/epochDay";
import { computeDeadline, LimitUnit, type DeadlineProblem } from "./computeDeadline";

export interface DeadlineCalculatorProps {
  /** The day the pane counts from; passed in so the component has no clock and renders the same in tests. */
  today: EpochDay;
  calendar: WorkingDayCalendar;
}

const UNIT_LABELS: Readonly<Record<LimitUnit, string>> = {
  workingDays: "working days",
  days: "calendar days",
  weeks: "weeks",
  months: "calendar months",
};

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  limit: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  amount: { width: "6em", flexShrink: 0 },
  amountInput: { width: "100%", minWidth: 0 },
  unit: { flexGrow: 1 },
  result: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * The deadline calculator: a start date and a limit as a standard has them (N working days, calendar
 * days, weeks or calendar months) give the deadline and how many working days away it is.
 */
export function DeadlineCalculator({ today, calendar }: DeadlineCalculatorProps) {
  const styles = useStyles();
  const ids = { unit: useId() };
  const [startText, setStartText] = useState("");
  const [amountText, setAmountText] = useState("20");
  const [unit, setUnit] = useState<LimitUnit>("workingDays");

  const result = useMemo(
    () => computeDeadline({ startText, amountText, unit }, today, calendar),
    [startText, amountText, unit, today, calendar],
  );
  // An empty start is not a mistake yet: the field shows its hint until something is typed.
  const problemFor = (field: DeadlineProblem["field"]): string | undefined =>
    field === "start" && startText.trim() === ""
      ? undefined
      : result.kind === "problem"
        ? result.problems.find((p) => p.field === field)?.message
        : undefined;
  const startProblem = problemFor("start");
  const amountProblem = problemFor("amount");

  return (
    <form
      className={styles.form}
      onSubmit={(event) => event.preventDefault()}
      aria-label="Deadline calculator"
    >
      <Body1>
        Today is {WEEKDAYS[dayOfWeek(today)]} {formatUkDate(today)}. Working days leave out weekends and
        England &amp; Wales bank holidays.
      </Body1>
      <Field
        label="Start date"
        hint="dd/mm/yyyy, e.g. the date the child became looked after"
        validationState={startProblem === undefined ? "none" : "error"}
        validationMessage={startProblem}
      >
        <Input
          value={startText}
          placeholder="dd/mm/yyyy"
          inputMode="numeric"
          autoComplete="off"
          onChange={(_event, data) => setStartText(data.value)}
        />
      </Field>
      <div className={styles.limit}>
        <Field
          className={styles.amount}
          label="Within"
          validationState={amountProblem === undefined ? "none" : "error"}
        >
          <Input
            className={styles.amountInput}
            value={amountText}
            inputMode="numeric"
            aria-describedby={ids.unit}
            onChange={(_event, data) => setAmountText(data.value)}
          />
        </Field>
        <Field className={styles.unit} label="Unit" id={ids.unit}>
          <Select
            value={unit}
            onChange={(_event, data) => {
              const parsed = LimitUnit.safeParse(data.value);
              if (parsed.success) setUnit(parsed.data);
            }}
          >
            {LimitUnit.options.map((option) => (
              <option key={option} value={option}>
                {UNIT_LABELS[option]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {amountProblem !== undefined && <Caption1 role="alert">{amountProblem}</Caption1>}
      {result.kind === "deadline" && (
        <Card className={styles.result} aria-live="polite">
          <Subtitle2>Deadline {formatUkDate(result.deadline)}</Subtitle2>
          <Body1>{result.sentence}</Body1>
          <Body1>{result.fromToday}</Body1>
          {result.notes.length > 0 && (
            <ul className={styles.notes}>
              {result.notes.map((note) => (
                <li key={note}>
                  <Caption1>{note}</Caption1>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </form>
  );
}
