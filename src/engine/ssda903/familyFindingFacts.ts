import type { Ssda903Extract } from "./readSsda903Extract";
import type { FamilyFindingSystemChild } from "./proposeFamilyFindingRefresh";

/** Placed for adoption: A3–A6 (A3 and A5 with the child's own foster carers). */
const PLACED_FOR_ADOPTION = new Set(["A3", "A4", "A5", "A6"]);
/** Adopted: REC E11 (application unopposed) and E12 (opposed). */
const ADOPTED = new Set(["E11", "E12"]);

/**
 * Each child's adoption facts from the extract's records (standards.md, "Family Finding"): the
 * latest PlacedAdoption DATE_PLACED is the should-be-placed decision (AD1 DATE_INT when there is no
 * PlacedAdoption record), the latest DATE_PLACED_CEASED with its reason the decision reversed; the
 * first episode with legal status E1 starts the placement order; the latest AD1 DATE_MATCH is the
 * match and its FOSTER_CARE whether the foster carers adopt; the first A3–A6 episode's start is the
 * placement for adoption; the end of an episode ended E11 or E12 is the adoption.
 */
export function familyFindingFacts(
  extract: Pick<Ssda903Extract, "episodes" | "placedAdoption" | "ad1">,
): FamilyFindingSystemChild[] {
  const byChild = new Map<string, FamilyFindingSystemChild>();
  const of = (childKey: string, childId: string): FamilyFindingSystemChild => {
    let child = byChild.get(childKey);
    if (child === undefined) {
      child = { childId };
      byChild.set(childKey, child);
    }
    return child;
  };
  for (const record of extract.placedAdoption) {
    const child = of(record.childKey, record.childId);
    if (child.shouldBePlaced === undefined || record.datePlaced > child.shouldBePlaced)
      child.shouldBePlaced = record.datePlaced;
    const ceased = record.datePlacedCeased;
    if (ceased !== undefined && (child.decisionReversed === undefined || ceased > child.decisionReversed)) {
      child.decisionReversed = ceased;
      if (record.reasonPlacedCeased !== undefined) child.reasonReversed = record.reasonPlacedCeased;
      else delete child.reasonReversed;
    }
  }
  for (const record of extract.ad1) {
    const child = of(record.childKey, record.childId);
    if (child.match !== undefined && record.dateMatched <= child.match) continue;
    child.match = record.dateMatched;
    child.shouldBePlaced ??= record.dateShouldBePlaced;
    if (record.fosterCare === "1" || record.fosterCare === "0")
      child.adoptedByFosterCarers = record.fosterCare === "1";
  }
  const episodes = [...extract.episodes].sort((a, b) => a.start - b.start);
  for (const episode of episodes) {
    const order = episode.legalStatus === "E1";
    const placed = episode.placementType !== undefined && PLACED_FOR_ADOPTION.has(episode.placementType);
    const adopted =
      episode.end !== undefined && episode.reasonEnded !== undefined && ADOPTED.has(episode.reasonEnded);
    if (!order && !placed && !adopted) continue;
    const child = of(episode.childKey, episode.childId);
    if (order) child.placementOrder ??= episode.start;
    if (placed) child.placedForAdoption ??= episode.start;
    if (adopted) child.adopted = episode.end;
  }
  return [...byChild.values()];
}
