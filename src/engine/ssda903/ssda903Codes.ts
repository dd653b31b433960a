/**
 * SSDA903 codes refresh needs beyond the tracker's own code lists (shared/codes.md).
 *
 * RNE, reason for new episode: S started to be looked after, L change of legal status only,
 * P change of placement and carer, T change of placement same carer, B legal status and placement
 * and carer, U legal status and placement same carer.
 */
export const REASONS_NEW_EPISODE: readonly string[] = ["S", "L", "P", "T", "B", "U"];

/** REC X1: the episode ends and a new one begins at once; the child is still looked after. */
export const EPISODE_CONTINUES = "X1";

/**
 * REC, reason episode ceased. X1 continues the care period; every other reason ends it (E11/E12
 * adopted, E45–E48 special guardianship, E4A/E4B returned home, E41 child arrangements order...).
 * E43 and E44 (special guardianship to former foster carers / others) are the codes E45–E48
 * replaced: returns up to 2019-20 hold them (liia-tools spec/s903/SSDA903_schema_2017.yml).
 */
export const REASONS_EPISODE_CEASED: readonly string[] = [
  "X1",
  "E11",
  "E12",
  "E13",
  "E14",
  "E15",
  "E16",
  "E17",
  "E2",
  "E3",
  "E41",
  "E43",
  "E44",
  "E45",
  "E46",
  "E47",
  "E48",
  "E4A",
  "E4B",
  "E5",
  "E6",
  "E7",
  "E8",
  "E9",
];
