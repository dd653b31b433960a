/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  // Run every test in London time: cell dates must not drift a day in British Summer Time.
  globalSetup: "<rootDir>/test/globalSetup.js",
  testTimeout: 60000,
};
