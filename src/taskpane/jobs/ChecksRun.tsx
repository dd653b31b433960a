import { useId, useState } from "react";
import { Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CheckReport } from "../../engine/checks/CheckReport";
import { checkReportLine, failedText, skippedText } from "../../engine/checks/checkReportText";

const useStyles = makeStyles({
  details: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

/**
 * Which checks ran, in one line, with the skipped and failed ones behind a details link: without it
 * "no issues" could not be told from "not checked" when a sheet lacks a column a check reads.
 */
export function ChecksRun({ report }: { report: CheckReport }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const explained = [...report.skipped.map(skippedText), ...report.failed.map(failedText)];
  return (
    <div>
      <Text size={200}>
        {checkReportLine(report)}.
        {explained.length > 0 && (
          <>
            {" "}
            <Link as="button" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen(!open)}>
              {open ? "Hide details" : "Details"}
            </Link>
          </>
        )}
      </Text>
      {open && (
        <ul id={detailsId} className={styles.details}>
          {explained.map((line) => (
            <li key={line}>
              <Text size={200}>{line}</Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
