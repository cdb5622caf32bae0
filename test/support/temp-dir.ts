import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fresh temp dir per test file; removed afterwards. */
export function useTempDir(prefix: string): () => string {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), `nba-props-${prefix}-`));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}
