import { runCli } from "../../runtime/cli/main";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `nba-props` in-process with captured output. */
export async function runCliCaptured(argv: readonly string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t), isTTY: false },
  });
  return { code, stdout, stderr };
}

/** A CLI prefix (e.g. `infra check`) run repeatedly in-process; each run starts with empty output. */
export class CapturedCli {
  stdout = "";
  stderr = "";

  constructor(private readonly prefix: readonly string[] = []) {}

  async run(...args: string[]): Promise<number> {
    const result = await runCliCaptured([...this.prefix, ...args]);
    this.stdout = result.stdout;
    this.stderr = result.stderr;
    return result.code;
  }
}
