// `npm run bench -- <name> [args]` runs bench/<name>.ts (each prints one JSON object).
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const available = readdirSync(__dirname)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts")
  .map((f) => f.slice(0, -3))
  .sort();
const name = process.argv[2] ?? "";
if (!/^[a-z0-9-]+$/.test(name) || !existsSync(join(__dirname, `${name}.ts`)) || name === "run") {
  process.stderr.write(`usage: npm run bench -- <name> [args]\nbenches: ${available.join(", ")}\n`);
  process.exit(2);
}
process.argv.splice(2, 1);
import(pathToFileURL(join(__dirname, `${name}.ts`)).href).catch((err: unknown) => {
  process.stderr.write(`bench ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
