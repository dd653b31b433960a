import { agedEighteenStillOpen } from "./agedEighteenStillOpen";
import { becameLookedAfterBeforeBirth } from "./becameLookedAfterBeforeBirth";
import { cellFormulaError } from "./cellFormulaError";
import { codeAsWords } from "./codeAsWords";
import { codeLegacy } from "./codeLegacy";
import { codeUnknown } from "./codeUnknown";
import { connectedPersonsAdmBeforePanel } from "./connectedPersonsAdmBeforePanel";
import { dateAmbiguous } from "./dateAmbiguous";
import { dateAsText } from "./dateAsText";
import { dateBefore1990 } from "./dateBefore1990";
import { dateBeforeBirth } from "./dateBeforeBirth";
import { dateInFuture } from "./dateInFuture";
import { dateInvalid } from "./dateInvalid";
import { dateMonthFirst } from "./dateMonthFirst";
import { dateOutOfRange } from "./dateOutOfRange";
import { datePlaceholder } from "./datePlaceholder";
import type { CheckDefinition } from "./defineCheck";
import { duplicateEpisode } from "./duplicateEpisode";
import { childOpenTwice } from "./childOpenTwice";
import { duplicateHousehold } from "./duplicateHousehold";
import { eventAfterExit } from "./eventAfterExit";
import { familyFindingAdmBeforePanel } from "./familyFindingAdmBeforePanel";
import {
  familyFindingDecisionMadeAgain,
  familyFindingDecisionReversed,
} from "./familyFindingDecisionReversed";
import { familyFindingFosterStartMissing } from "./familyFindingFosterStartMissing";
import { familyFindingOrderBeforeDecision } from "./familyFindingOrderBeforeDecision";
import { familyFindingOrderOnFostering } from "./familyFindingOrderOnFostering";
import { familyFindingPlacedBeforeMatch } from "./familyFindingPlacedBeforeMatch";
import { ihvBeforeEnquiry } from "./ihvBeforeEnquiry";
import { matchAdmBeforePanel } from "./matchAdmBeforePanel";
import { numberNegative } from "./numberNegative";
import { numberNotWhole } from "./numberNotWhole";
import { panelBeforeApplication } from "./panelBeforeApplication";
import { placedAboveApproved } from "./placedAboveApproved";
import { placesExceedApproved } from "./placesExceedApproved";
import { ppmBeforeBecomingLookedAfter } from "./ppmBeforeBecomingLookedAfter";
import { recruitmentAdmBeforePanel } from "./recruitmentAdmBeforePanel";
import { requiredValueMissing } from "./requiredValueMissing";
import { reviewBeforeBecomingLookedAfter } from "./reviewBeforeBecomingLookedAfter";
import { secondReviewBeforeFirst } from "./secondReviewBeforeFirst";
import { textUntrimmed } from "./textUntrimmed";
import { workerNameVariants } from "./workerNameVariants";

/**
 * A registry of checks: codes are stable and unique, so a duplicate is a programming mistake caught
 * the moment the registry is built (and by its test), not a silent overwrite.
 */
export function registerChecks(checks: readonly CheckDefinition[]): readonly CheckDefinition[] {
  const seen = new Set<string>();
  for (const check of checks) {
    if (seen.has(check.code)) throw new Error(`two data-quality checks share the code ${check.code}`);
    seen.add(check.code);
  }
  return checks;
}

/** Every data-quality check, listed by hand: bundlers cannot discover files. */
export const ALL_CHECKS: readonly CheckDefinition[] = registerChecks([
  requiredValueMissing,
  cellFormulaError,
  dateInvalid,
  dateMonthFirst,
  dateOutOfRange,
  dateInFuture,
  dateBefore1990,
  dateBeforeBirth,
  becameLookedAfterBeforeBirth,
  reviewBeforeBecomingLookedAfter,
  ppmBeforeBecomingLookedAfter,
  secondReviewBeforeFirst,
  matchAdmBeforePanel,
  recruitmentAdmBeforePanel,
  familyFindingAdmBeforePanel,
  familyFindingOrderBeforeDecision,
  familyFindingPlacedBeforeMatch,
  familyFindingOrderOnFostering,
  familyFindingDecisionReversed,
  familyFindingDecisionMadeAgain,
  familyFindingFosterStartMissing,
  connectedPersonsAdmBeforePanel,
  ihvBeforeEnquiry,
  panelBeforeApplication,
  eventAfterExit,
  duplicateEpisode,
  childOpenTwice,
  duplicateHousehold,
  agedEighteenStillOpen,
  codeUnknown,
  codeLegacy,
  codeAsWords,
  workerNameVariants,
  textUntrimmed,
  numberNotWhole,
  numberNegative,
  placedAboveApproved,
  placesExceedApproved,
  dateAmbiguous,
  dateAsText,
  datePlaceholder,
]);
