import { TrackerProfile, type ColumnSpecInput, type TrackerProfileInput } from "./TrackerProfile";

/*
 * The default profile: the six sheets of the joint tracker as the evaluated sites kept them
 * (DfE research report RR1052), with the words trackers really use as aliases. Keys are the
 * contract every standard, check and output names a column by; titles are what the add-in writes.
 */

type Extra = Omit<ColumnSpecInput, "key" | "title" | "type" | "aliases">;

const date = (key: string, title: string, aliases: string[], extra: Extra = {}): ColumnSpecInput => ({
  key,
  title,
  aliases,
  type: "date",
  ...extra,
});
const text = (key: string, title: string, aliases: string[], extra: Extra = {}): ColumnSpecInput => ({
  key,
  title,
  aliases,
  type: "text",
  ...extra,
});
const person = (key: string, title: string, aliases: string[], extra: Extra = {}): ColumnSpecInput => ({
  key,
  title,
  aliases,
  type: "personName",
  ...extra,
});
const code = (
  key: string,
  title: string,
  codeList: string,
  aliases: string[],
  extra: Extra = {},
): ColumnSpecInput => ({ key, title, aliases, type: "code", codeList, ...extra });
const integer = (key: string, title: string, aliases: string[], extra: Extra = {}): ColumnSpecInput => ({
  key,
  title,
  aliases,
  type: "integer",
  ...extra,
});

// System IDs go by the name of the case management system that issued them.
const CHILD_ID_ALIASES = [
  "ID",
  "Child ref",
  "Child reference",
  "Child no",
  "LCS ID",
  "LCS",
  "Mosaic ID",
  "Mosaic",
  "CareFirst ID",
  "CareFirst",
  "ICS ID",
  "ICS",
  "Person ID",
  "Client ID",
  "Case ID",
  "CHILD",
  "UPN",
];
const BLA_ALIASES = [
  "BLA",
  "DECOM",
  "Date BLA",
  "Date became CLA",
  "Date became LAC",
  "Date became looked after (BLA)",
  "Date into care",
  "Date came into care",
  "Date in care",
  "Date looked after",
  "Looked after date",
  "CLA start date",
  "LAC start date",
  "Date of entry to care",
  "Episode start date",
  "Start of episode",
];
const CHILD_NAME_ALIASES = ["Name", "Child", "Child's name", "Childs name", "Initials", "Child initials"];
const WORKER_ALIASES = [
  "SW",
  "Social worker",
  "Allocated worker",
  "Allocated SW",
  "Allocated social worker",
  "Worker",
];
const HOUSEHOLD_ID_ALIASES = ["Household", "Household ref", "Carer ID", "Foster carer ID", "Carer ref", "ID"];
const HOUSEHOLD_NAME_ALIASES = [
  "Carer",
  "Carers",
  "Foster carer",
  "Foster carers",
  "Carer name",
  "Household",
];
const teamColumn = text("team", "Team", ["Team name", "Service", "Unit"]);

const jointTracker = {
  key: "jointTracker",
  title: "Joint Tracker",
  aliases: [
    "Joint tracking",
    "Tracker",
    "CLA tracker",
    "LAC tracker",
    "Children in care",
    "Permanence tracker",
  ],
  idColumn: "childId",
  workerColumn: "socialWorker",
  exitColumn: "permanenceAchieved",
  columns: [
    text("childId", "Child ID", CHILD_ID_ALIASES, { required: true, caseSystem: true }),
    text("siblingGroup", "Sibling group", ["Siblings", "Sibling ref", "Family group"]),
    person("childName", "Name", CHILD_NAME_ALIASES, { personal: true }),
    date("dateOfBirth", "Date of birth", ["DOB", "D.O.B.", "Birth date"], {
      personal: true,
      caseSystem: true,
    }),
    code("legalStatus", "Legal status", "legalStatus", ["LS", "Legal"], { caseSystem: true }),
    date("becameLookedAfter", "Date became looked after", BLA_ALIASES, { required: true, caseSystem: true }),
    // Filled from the SSDA903 SocialWorker table (2023-24 on) through the Worker IDs sheet.
    person("socialWorker", "Social worker", WORKER_ALIASES, { caseSystem: true }),
    teamColumn,
    person("teamManager", "Team manager", ["TM", "Manager", "Practice manager"]),
    person("iro", "IRO", ["Independent reviewing officer", "Reviewing officer"]),
    date(
      "firstReview",
      "1st CLA review",
      [
        "First CLA review",
        "1st LAC review",
        "First LAC review",
        "1st review",
        "First review",
        "Initial review",
        "Initial CLA review",
        "1st looked after review",
        "Date of 1st review",
      ],
      { caseSystem: true },
    ),
    date(
      "secondReview",
      "2nd CLA review",
      [
        "Second CLA review",
        "2nd LAC review",
        "Second LAC review",
        "2nd review",
        "Second review",
        "2nd looked after review",
        "Date of 2nd review",
      ],
      { caseSystem: true },
    ),
    date(
      "latestReview",
      "Latest CLA review",
      [
        "Latest LAC review",
        "Last CLA review",
        "Last LAC review",
        "Latest review",
        "Last review",
        "Most recent review",
        "Date of last review",
      ],
      { caseSystem: true },
    ),
    date("firstPpm", "1st PPM", [
      "First PPM",
      "1st permanency planning meeting",
      "First permanency planning meeting",
      "1st permanence planning meeting",
      "First permanence planning meeting",
      "Date of 1st PPM",
      "Initial PPM",
    ]),
    date("latestPpm", "Latest PPM", [
      "Last PPM",
      "Latest permanency planning meeting",
      "Latest permanence planning meeting",
      "Most recent PPM",
      "Date of last PPM",
    ]),
    date(
      "nextPpm",
      "Next PPM",
      ["Next PPM date", "Next permanency planning meeting", "Next permanence planning meeting", "PPM due"],
      { future: true },
    ),
    code("permanencePlan", "Permanence plan", "permanencePlan", [
      "Plan",
      "Permanency plan",
      "Care plan",
      "Plan for permanence",
    ]),
    date("planAgreed", "Date plan agreed", [
      "Plan agreed",
      "Date permanence plan agreed",
      "Permanence plan agreed",
      "Date of plan",
    ]),
    date("iroEndorsed", "Date IRO endorsed long-term fostering", [
      "IRO endorsed",
      "IRO endorsement",
      "Date IRO endorsed LTF",
      "IRO endorsed LTF plan",
      "LTF endorsed by IRO",
    ]),
    date("matchToPanel", "Date match presented to panel", [
      "Match to panel",
      "Matching panel",
      "Panel (match)",
      "Date of matching panel",
      "LTF match panel",
    ]),
    date("matchAdm", "Date ADM agreed match", [
      "ADM match",
      "ADM decision (match)",
      "Agency decision maker (match)",
      "Date of ADM decision",
      "ADM agreed match",
    ]),
    code("placementType", "Placement type", "placementType", ["Placement", "PLACE", "Placement code"], {
      caseSystem: true,
    }),
    code(
      "placementProvider",
      "Placement provider",
      "placementProvider",
      ["Provider", "PLACE_PROVIDER", "In-house / IFA", "In house or agency"],
      { caseSystem: true },
    ),
    date("placementStart", "Placement start", ["Placement start date", "Date placed", "Date of placement"], {
      caseSystem: true,
    }),
    integer(
      "placementsLast12Months",
      "Placements in last 12 months",
      [
        "No of placements in last 12 months",
        "Number of placements (12 months)",
        "Placement moves",
        "Placement stability",
      ],
      { caseSystem: true },
    ),
    date("proceedingsIssued", "Care proceedings issued", [
      "Proceedings issued",
      "Date proceedings issued",
      "Date care proceedings issued",
      "Issue date",
    ]),
    date("finalOrder", "Final hearing / order date", [
      "Final hearing",
      "Final order",
      "Final order date",
      "Date of final order",
      "Date of final hearing",
    ]),
    date(
      "permanenceAchieved",
      "Date permanence achieved or ceased",
      [
        "Permanence achieved",
        "Date permanence achieved",
        "Date ceased",
        "Date ceased to be looked after",
        "Date ceased CLA",
        "Date left care",
        "CLA end date",
        "LAC end date",
        "DEC",
        "Episode end date",
      ],
      { caseSystem: true },
    ),
    text("notes", "Surgery notes", ["Notes", "Comments", "Surgery comments", "Actions", "Update"]),
  ],
} satisfies TrackerProfileInput["sheets"][number];

const ploTracker = {
  key: "ploTracker",
  title: "PLO Tracker",
  aliases: ["PLO", "Pre-proceedings", "Pre proceedings tracker", "Public Law Outline"],
  idColumn: "childId",
  workerColumn: "socialWorker",
  columns: [
    text("childId", "Child ID", CHILD_ID_ALIASES, { required: true, caseSystem: true }),
    person("childName", "Name", CHILD_NAME_ALIASES, { personal: true }),
    person("socialWorker", "Social worker", WORKER_ALIASES),
    teamColumn,
    date("firstLpm", "First legal planning meeting", [
      "1st LPM",
      "First LPM",
      "Initial LPM",
      "Date of first LPM",
      "LPM",
      "Legal planning meeting",
    ]),
    date("preProceedingsMeeting", "Pre-proceedings meeting", [
      "PLO meeting",
      "Pre proceedings meeting",
      "Date of pre-proceedings meeting",
      "PPM (PLO)",
      "Letter before proceedings meeting",
    ]),
    date("reviewLpm", "Review LPM", ["Review legal planning meeting", "LPM review", "Review meeting"]),
    date("finalLpm", "Final LPM", ["Final legal planning meeting", "Final LPM date", "Decision LPM"]),
    code("ploOutcome", "Outcome", "ploOutcome", ["PLO outcome", "Pre-proceedings outcome", "Decision"]),
    date("outcomeDate", "Outcome date", ["Date of outcome", "Date of decision", "Decision date"]),
    date("proceedingsIssued", "Proceedings issued", ["Date proceedings issued", "Care proceedings issued"]),
    text("notes", "Notes", ["Comments", "Surgery notes", "Update"]),
  ],
} satisfies TrackerProfileInput["sheets"][number];

const recruitment = {
  key: "recruitment",
  title: "Recruitment & Assessment",
  aliases: ["Recruitment", "Recruitment and assessment", "Assessments", "Fostering assessments", "R&A"],
  idColumn: "householdId",
  workerColumn: "assessingWorker",
  exitColumn: "closedDate",
  columns: [
    text("householdId", "Household ID", HOUSEHOLD_ID_ALIASES, { required: true }),
    person(
      "householdName",
      "Applicants",
      ["Applicant", "Applicant name", "Name", ...HOUSEHOLD_NAME_ALIASES],
      {
        personal: true,
      },
    ),
    person("assessingWorker", "Assessing worker", ["Assessor", "Assessing social worker", "Worker", "SW"]),
    teamColumn,
    date("enquiry", "Enquiry", ["Enquiry date", "Date of enquiry", "Initial enquiry"], { required: true }),
    date("ihv", "Initial home visit", ["IHV", "IHV date", "Date of IHV", "Date of initial home visit"]),
    date("application", "Application", ["Application date", "Date of application", "Application received"]),
    date("stage1Complete", "Stage 1 complete", ["Stage one complete", "Stage 1 completed", "Stage 1"]),
    date("stage2Start", "Stage 2 start", ["Stage two start", "Stage 2 started", "Stage 2"]),
    date("panel", "Panel", ["Panel date", "Fostering panel", "Date of panel"]),
    date("admDecision", "ADM decision", ["ADM", "Agency decision maker", "ADM date", "Date of ADM decision"]),
    code("outcome", "Outcome", "householdOutcome", ["Status", "Result"]),
    date("closedDate", "Date closed", ["Date withdrawn", "Closure date", "Date of outcome", "Withdrawn"]),
    text("notes", "Notes", ["Comments", "Update"]),
  ],
} satisfies TrackerProfileInput["sheets"][number];

const fosteringSupport = {
  key: "fosteringSupport",
  title: "Fostering Support",
  aliases: ["Approved carers", "Approved households", "Supervision", "Foster carers", "Carer support"],
  idColumn: "householdId",
  workerColumn: "supervisingWorker",
  exitColumn: "deregistered",
  columns: [
    text("householdId", "Household ID", HOUSEHOLD_ID_ALIASES, { required: true }),
    person("householdName", "Carers", HOUSEHOLD_NAME_ALIASES, { personal: true }),
    person("supervisingWorker", "Supervising social worker", [
      "SSW",
      "Supervising worker",
      "Fostering social worker",
      "Link worker",
      "Worker",
    ]),
    teamColumn,
    code("carerType", "Carer type", "carerType", ["Type", "Household type", "Category"]),
    date("approvalDate", "Approval date", ["Approved", "Date approved", "Date of approval"], {
      required: true,
    }),
    integer("approvedPlaces", "Approved places", ["Places", "Number of places", "Approved for", "Capacity"]),
    integer("childrenPlaced", "Children placed", ["Placed", "Number placed", "Children in placement"]),
    integer("vacantPlaces", "Vacant places", ["Vacancies", "Vacant"]),
    integer("notAvailablePlaces", "Places not available", ["Not available", "Unavailable places", "On hold"]),
    date("lastAnnualReview", "Last annual review", [
      "Annual review",
      "Latest annual review",
      "Foster carer review",
      "Last FCR",
      "Date of last review",
    ]),
    date("lastUnannouncedVisit", "Last unannounced visit", [
      "Unannounced visit",
      "Latest unannounced visit",
      "UAV",
      "Last UAV",
    ]),
    date("lastSupervisoryVisit", "Last supervisory visit", [
      "Supervisory visit",
      "Last supervision",
      "Latest supervision visit",
      "Last SSW visit",
    ]),
    date("tsdCompleted", "TSD standards completed", [
      "TSD",
      "TSD completed",
      "Training Support and Development standards",
      "TSD complete",
    ]),
    date("lastDbs", "DBS date", ["DBS", "Latest DBS", "Last DBS", "DBS check", "Enhanced DBS"]),
    text("status", "Status", ["Household status", "Availability"]),
    date("deregistered", "Date deregistered", [
      "Deregistered",
      "Resigned",
      "Date resigned",
      "Date of resignation",
    ]),
    text("notes", "Notes", ["Comments", "Update"]),
  ],
} satisfies TrackerProfileInput["sheets"][number];

const familyFinding = {
  key: "familyFinding",
  title: "Family Finding",
  aliases: ["Family finding tracker", "Matching", "Family finding and matching"],
  idColumn: "childId",
  workerColumn: "familyFinder",
  exitColumn: "closedDate",
  columns: [
    text("childId", "Child ID", CHILD_ID_ALIASES, { required: true, caseSystem: true }),
    person("childName", "Name", CHILD_NAME_ALIASES, { personal: true }),
    person("familyFinder", "Family finder", ["Family finding worker", "Worker", "FF worker"]),
    teamColumn,
    text("siblingGroup", "Sibling group", ["Siblings", "Sibling ref", "Family group"]),
    code("permanencePlan", "Plan", "permanencePlan", [
      "Permanence plan",
      "Route",
      "Match type",
      "Adoption or LTF",
      "Adoption or long-term fostering",
    ]),
    // Read from the child's open Joint Tracker row when the sheet has no such column
    // (familyFindingTable.ts); not required here for that reason.
    date("becameLookedAfter", "Date became looked after", BLA_ALIASES, { caseSystem: true }),
    date("referral", "Referral", ["Referral date", "Date of referral", "Referred"], { required: true }),
    date("profileCompleted", "Profile completed", ["Profile", "Child's profile", "Profile complete"]),
    // The agency decision maker's decision that the child should be placed for adoption (SSDA903
    // PlacedAdoption DATE_PLACED, AD1 DATE_INT); "SHOBPA" in many authorities' trackers.
    date(
      "shouldBePlaced",
      "Should be placed decision",
      [
        "SHOBPA",
        "SHOBPA date",
        "SHOBPA decision",
        "Should be placed for adoption",
        "Should be placed for adoption decision",
        "Date should be placed decision",
        "ADM best interests decision",
        "Best interests decision",
        "ADM decision (should be placed)",
        "DATE_INT",
        "Date of decision to place",
      ],
      { caseSystem: true },
    ),
    date(
      "decisionReversed",
      "Decision reversed",
      [
        "Should be placed decision reversed",
        "SHOBPA reversed",
        "Date decision reversed",
        "DATE_PLACED_CEASED",
        "Date should be placed decision ceased",
      ],
      { caseSystem: true },
    ),
    // Court authority to place (legal status E1 starts).
    date(
      "placementOrder",
      "Placement order",
      [
        "Placement order granted",
        "Date placement order granted",
        "Placement order date",
        "Date of placement order",
        "PO date",
        "PO",
        "PO granted",
      ],
      { caseSystem: true },
    ),
    person("linkedCarer", "Linked carer", ["Carer", "Linked family", "Prospective carer"], {
      personal: true,
    }),
    date("matchingMeeting", "Matching meeting", ["Matching meeting date", "Date of matching meeting"]),
    date("panel", "Panel", ["Matching panel", "Panel date"]),
    date("adm", "ADM", ["ADM decision", "Agency decision maker", "ADM date", "ADM match", "DATE_MATCH"], {
      caseSystem: true,
    }),
    code(
      "placementType",
      "Adoption placement",
      "placementType",
      ["Adoption placement type", "Placement type", "PLACE"],
      { caseSystem: true },
    ),
    date("placementDate", "Placement date", ["Placed", "Date placed", "Moved in"], { caseSystem: true }),
    // Adoption scorecard A10: for a child adopted by their own foster carers (AD1 FOSTER_CARE 1,
    // placement A3/A5) the time to placement stops when the child moved in with those carers.
    code("adoptedByFosterCarers", "Adopted by foster carers", "yesNo", [
      "FOSTER_CARE",
      "Foster carer adoption",
      "Adopted by own foster carers",
      "Adopted by current foster carers",
      "Foster carers adopting",
    ]),
    date("fosterPlacementStart", "Foster placement start", [
      "Placed with foster carers",
      "Date placed with foster carers",
      "Foster placement began",
      "Start of foster placement",
      "Foster placement start date",
    ]),
    date("closedDate", "Date closed", ["Closed", "Closure date"], { caseSystem: true }),
    text("notes", "Notes", ["Comments", "Update"]),
  ],
} satisfies TrackerProfileInput["sheets"][number];

const connectedPersons = {
  key: "connectedPersons",
  title: "Connected Persons",
  aliases: ["Connected persons assessments", "Kinship", "Family and friends", "Reg 24"],
  idColumn: "childId",
  workerColumn: "assessingWorker",
  exitColumn: "closedDate",
  columns: [
    text("childId", "Child ID", CHILD_ID_ALIASES, { required: true, caseSystem: true }),
    person("childName", "Name", CHILD_NAME_ALIASES, { personal: true }),
    person("carer", "Connected carer", ["Carer", "Carers", "Connected person", "Kinship carer"], {
      personal: true,
    }),
    person("assessingWorker", "Assessing worker", ["Assessor", "Worker", "SW", "Social worker"]),
    teamColumn,
    date(
      "temporaryApproval",
      "Temporary approval (reg 24)",
      ["Temporary approval", "Reg 24", "Reg 24 date", "Regulation 24", "Date of temporary approval"],
      { required: true },
    ),
    date("assessmentComplete", "Assessment complete", [
      "Assessment completed",
      "Full assessment",
      "Viability",
    ]),
    date("panel", "Panel", ["Panel date", "Fostering panel"]),
    date("extension", "Extension granted", ["Extension", "Reg 25 extension", "Extended", "Extension date"]),
    date("admDecision", "ADM decision", ["ADM", "Agency decision maker", "ADM date"]),
    date("closedDate", "Date closed", ["Closed", "Placement ended", "Date ended"]),
    text("notes", "Notes", ["Comments", "Update"]),
  ],
} satisfies TrackerProfileInput["sheets"][number];

/** The profile a workbook starts with when it holds none of its own. */
export const DEFAULT_PROFILE: TrackerProfile = TrackerProfile.parse({
  version: 1,
  name: "Default joint tracker (RR1052)",
  sheets: [jointTracker, ploTracker, recruitment, fosteringSupport, familyFinding, connectedPersons],
} satisfies TrackerProfileInput);
