/** The message of anything thrown, for logs and run records. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === "string") return err;
  // Errors from native addons or another realm (a test sandbox) fail instanceof but still carry a message.
  if (typeof err === "object" && err !== null && "message" in err && typeof err.message === "string") return err.message;
  try {
    return JSON.stringify(err) ?? "undefined";
  } catch (stringifyError) {
    return `unprintable error (${stringifyError instanceof Error ? stringifyError.message : "?"})`;
  }
}
