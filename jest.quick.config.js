/**
 * The edit loop (`npm run test:quick`): every suite but the slow ones, under 2 minutes on a shared
 * 2-core machine. `npm test` and CI run everything. Each suite left out, with its time in band on
 * that machine (jest --json, 06/12/2026), and where its behaviour is still covered quickly:
 */
const base = require("./jest.config.js");

const SLOW_SUITES = [
  // 111 s: the 200,000-row tracker end to end through the CLI; size.test.ts's 20,000 rows is the quick one.
  "<rootDir>/test/hostile/twoHundredThousandRows.test.ts",
  // 51 s: the pane in Chromium (click-through, 320 px, dark theme); App.test.tsx renders its tabs quickly.
  "<rootDir>/test/browser/",
  // 49 s: 100,000 random date pairs against formulajs; WorkingDayCalendar.test.ts keeps the worked examples.
  "<rootDir>/src/engine/calendar/WorkingDayCalendar.formulajs.test.ts",
  // 5 s: a stray cell in XFD1048576, 5,000 columns and 20,000 rows through the CLI.
  "<rootDir>/test/hostile/size.test.ts",
  // 5 s: every command in a child process with the network blocked (needs the built lib/).
  "<rootDir>/test/hostile/noNetwork.test.ts",
  // 5 s: 1,000- and 10,000-row agendas through the counting fake of Excel.
  "<rootDir>/src/excel/OfficeWorkbook.agenda.test.ts",
  // 4 s: 100,000 rows read and written through the counting fake of Excel.
  "<rootDir>/src/excel/OfficeWorkbook.scale.test.ts",
  // 8 to 15 s: compiles lib/ with tsc before running bin/tracker.js as a program.
  "<rootDir>/src/cli/installedBin.test.ts",
];

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testPathIgnorePatterns: ["/node_modules/", ...SLOW_SUITES],
};
