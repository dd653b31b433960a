import { makeStyles, tokens } from "@fluentui/react-components";

/** The layouts a view and its parts share, so a part split out of a view looks as it did inside it. */
export const useLayoutStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});
