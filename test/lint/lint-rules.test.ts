import { spawnSync } from "node:child_process";
import { join } from "node:path";

/**
 * The system this replaces hid failures in hundreds of `except: pass` blocks. These rules are
 * what makes the build refuse the TypeScript equivalents; this test proves they still fire.
 */
describe("lint refuses swallowed failures", () => {
  let messages: { line: number; ruleId: string | null }[] = [];

  beforeAll(() => {
    // The CLI, as the build runs it (ESLint's API loads the .mjs config through a dynamic import jest cannot host).
    const root = join(__dirname, "../..");
    const run = spawnSync(process.execPath, [join(root, "node_modules/eslint/bin/eslint.js"), "--no-ignore", "--format", "json", "test/lint/fixtures/swallowed-failures.ts"], {
      cwd: root,
      encoding: "utf8",
    });
    const [result] = JSON.parse(run.stdout) as { messages: { line: number; ruleId: string | null }[] }[];
    messages = (result?.messages ?? []).map((m) => ({ line: m.line, ruleId: m.ruleId }));
  }, 60_000);

  test.each([
    ["an empty catch block", 11, "no-empty"],
    ["a catch that does not bind the error", 17, "no-restricted-syntax"],
    ["a catch that ignores the error it binds", 25, "@typescript-eslint/no-unused-vars"],
    ["a .catch handler that drops the error", 31, "no-restricted-syntax"],
    ["a promise nobody awaits", 35, "@typescript-eslint/no-floating-promises"],
  ])("%s (line %i, %s)", (_what, line, ruleId) => {
    expect(messages).toContainEqual({ line, ruleId });
  });
});
