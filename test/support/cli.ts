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

/** Runs the CLI with these environment variables set, restoring the process environment afterwards. */
export async function runCliWithEnv(env: Readonly<Record<string, string>>, argv: readonly string[]): Promise<CliResult> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await runCliCaptured(argv);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
