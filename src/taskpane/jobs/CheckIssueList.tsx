import { useMemo } from "react";
import {
  Badge,
  Button,
  Field,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Severity } from "../../engine/checks/DataQualityIssue";
import { filterChoices, groupIssues, type IssueFilter, type IssueWithWorker } from "../model/issueFilters";
import { useLayoutStyles } from "../layoutStyles";

const useStyles = makeStyles({
  // minmax(0, 1fr): a select never pushes its column wider than half of a 320 px pane.
  filters: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
  },
  select: { minWidth: 0, width: "100%" },
  issue: {
    justifyContent: "flex-start",
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    width: "100%",
    minWidth: 0,
  },
});

const SHOWN_PER_GROUP = 50;

const INTENT: Readonly<Record<Severity, "danger" | "warning" | "informative">> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

export interface CheckIssueListProps {
  /** Every issue the check found: the filters offer the sheets, columns and workers among them. */
  issues: readonly IssueWithWorker[];
  /** The issues the filter lets through, grouped by sheet and severity below. */
  shown: readonly IssueWithWorker[];
  filter: IssueFilter;
  onFilterChange: (filter: IssueFilter) => void;
  onGoTo: (issue: IssueWithWorker) => void;
}

/** Check data's issue list: four filters, then the issues grouped by sheet and severity, each a link to its cell. */
export function CheckIssueList({ issues, shown, filter, onFilterChange, onGoTo }: CheckIssueListProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const groups = useMemo(() => groupIssues(shown), [shown]);
  const choices = useMemo(() => filterChoices(issues), [issues]);
  return (
    <>
      <div className={styles.filters} role="group" aria-label="Filter the issues">
        <FilterSelect
          label="Severity"
          value={filter.severity}
          options={["error", "warning", "info"]}
          onChange={(v) => onFilterChange({ ...filter, severity: v as IssueFilter["severity"] })}
        />
        <FilterSelect
          label="Sheet"
          value={filter.sheet}
          options={choices.sheets}
          onChange={(v) => onFilterChange({ ...filter, sheet: v })}
        />
        <FilterSelect
          label="Column"
          value={filter.column}
          options={choices.columns}
          onChange={(v) => onFilterChange({ ...filter, column: v })}
        />
        <FilterSelect
          label="Worker"
          value={filter.worker}
          options={choices.workers}
          onChange={(v) => onFilterChange({ ...filter, worker: v })}
        />
      </div>
      {groups.map((group) => (
        <section key={`${group.sheet}-${group.severity}`} aria-label={group.heading}>
          <Subtitle2 as="h2">
            <Badge appearance="tint" color={INTENT[group.severity]}>
              {group.severity}
            </Badge>{" "}
            {group.heading}
          </Subtitle2>
          <ul className={layout.list}>
            {group.issues.slice(0, SHOWN_PER_GROUP).map((issue) => (
              <li key={`${issue.code}-${issue.cell}`}>
                <Button
                  appearance="subtle"
                  className={styles.issue}
                  aria-label={`Go to ${issue.sheet} ${issue.cell}: ${issue.message}`}
                  onClick={() => onGoTo(issue)}
                >
                  {issue.cell}: {issue.message}
                </Button>
              </li>
            ))}
          </ul>
          {group.issues.length > SHOWN_PER_GROUP && (
            <Text size={200}>
              and {group.issues.length - SHOWN_PER_GROUP} more: narrow the list with the filters, or write the
              Data quality sheet.
            </Text>
          )}
        </section>
      ))}
    </>
  );
}

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly string[];
  onChange: (value: string) => void;
}) {
  const styles = useStyles();
  return (
    <Field label={label} className={styles.select}>
      <Select className={styles.select} value={value} onChange={(_, data) => onChange(data.value)}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </Select>
    </Field>
  );
}
