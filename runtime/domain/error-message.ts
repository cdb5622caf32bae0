/** The message of anything thrown, for logs and run records. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  // Errors made in another realm (a native addon, a VM context) fail instanceof but keep their message.
  if (typeof err === "object" && err !== null && typeof (err as { message?: unknown }).message === "string") return (err as { message: string }).message;
  if (typeof err === "string") return err;
  // Errors from native addons or another realm (a test sandbox) fail instanceof but still carry a message.
  if (typeof err === "object" && err !== null && "message" in err && typeof err.message === "string") return err.message;
  try {
    return JSON.stringify(err) ?? "undefined";
  } catch (stringifyError) {
    return `unprintable error (${stringifyError instanceof Error ? stringifyError.message : "?"})`;
  }
}
