/** The message of anything thrown, for logs and run records. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === "string") return err;
  try {
    return JSON.stringify(err) ?? "undefined";
  } catch (stringifyError) {
    return `unprintable error (${stringifyError instanceof Error ? stringifyError.message : "?"})`;
  }
}
