/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } }],
    "/node_modules/teeny-request/.+\\.js$": ["@swc/jest", { jsc: { target: "es2022" }, module: { type: "commonjs" } }],
  },
  // teeny-request (under the BigQuery and Storage clients) loads the ESM-only node-fetch 3 with a
  // dynamic import(), which jest's CommonJS runtime cannot run: it is compiled to require() here
  // and pointed at node-fetch 2, the same API in CommonJS.
  transformIgnorePatterns: ["/node_modules/(?!teeny-request/)"],
  moduleNameMapper: { "^node-fetch$": "<rootDir>/node_modules/node-fetch/lib/index.js" },
  // The pipeline suites run whole sim days (14 scrapers, 12 raw and 4+ analytics processors) in beforeAll.
  testTimeout: 120000,
};
