/** Where scraped payloads are kept, by path `<family>/<scraper>/<key>/<timestamp>.json`. */
export interface ObjectStore {
  put(path: string, body: Buffer | string): Promise<void>;
  get(path: string): Promise<Buffer>;
  list(prefix: string): Promise<string[]>;
  /** A URI naming the object for humans and messages (file:// locally, gs:// on GCP). */
  uri(path: string): string;
}

/** Object paths are relative, slash-separated and never climb out of the store. */
export function assertObjectPath(path: string): void {
  if (!path || path.startsWith("/") || path.split("/").some((seg) => seg === ".." || seg === "." || seg === "")) {
    throw new Error(`object store: invalid path "${path}"`);
  }
}
