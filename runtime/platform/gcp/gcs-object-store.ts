import type { Bucket, Storage } from "@google-cloud/storage";
import { errorMessage } from "../../domain/error-message";
import { assertObjectPath, type ObjectStore } from "../ports/object-store";

function contentTypeOf(path: string): string {
  return path.endsWith(".json") ? "application/json" : path.endsWith(".gz") ? "application/gzip" : "application/octet-stream";
}

/** Objects in one Cloud Storage bucket. Uploads are single requests with an MD5 check. */
export class GcsObjectStore implements ObjectStore {
  private readonly bucket: Bucket;

  constructor(
    storage: Storage,
    private readonly bucketName: string,
  ) {
    this.bucket = storage.bucket(bucketName);
  }

  async put(path: string, body: Buffer | string): Promise<void> {
    assertObjectPath(path);
    try {
      await this.bucket.file(path).save(typeof body === "string" ? Buffer.from(body) : body, {
        resumable: false,
        validation: "md5",
        contentType: contentTypeOf(path),
      });
    } catch (err) {
      throw new Error(`object store: put ${this.uri(path)} failed: ${errorMessage(err)}`, { cause: err });
    }
  }

  async get(path: string): Promise<Buffer> {
    assertObjectPath(path);
    try {
      const [bytes] = await this.bucket.file(path).download({ validation: "md5" });
      return bytes;
    } catch (err) {
      throw new Error(`object store: get ${this.uri(path)} failed: ${errorMessage(err)}`, { cause: err });
    }
  }

  async list(prefix: string): Promise<string[]> {
    const [files] = await this.bucket.getFiles({ prefix, autoPaginate: true });
    return files.map((f) => f.name).sort();
  }

  uri(path: string): string {
    return `gs://${this.bucketName}/${path}`;
  }
}

/** The object store of a role the stacks gave no bucket: every use says which variable is missing. */
export class NoBucketObjectStore implements ObjectStore {
  constructor(private readonly why: string) {}

  private refuse(): never {
    throw new Error(`object store: ${this.why}`);
  }

  put(): Promise<void> {
    return Promise.reject(new Error(`object store: ${this.why}`));
  }

  get(): Promise<Buffer> {
    return Promise.reject(new Error(`object store: ${this.why}`));
  }

  list(): Promise<string[]> {
    return Promise.reject(new Error(`object store: ${this.why}`));
  }

  uri(): string {
    return this.refuse();
  }
}
