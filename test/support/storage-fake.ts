import { createHash } from "node:crypto";
import { googleError, multipartParts, startHttpFake, type FakeAnswer, type HttpFake, type RecordedRequest } from "./http-fake";

export interface StorageFake extends HttpFake {
  /** Objects by `bucket/name`. */
  readonly objects: Map<string, Buffer>;
  /** Puts an object directly (as if a scraper had stored it). */
  seed(bucket: string, name: string, body: Buffer | string): void;
}

function md5(body: Buffer): string {
  return createHash("md5").update(body).digest("base64");
}

function resource(bucket: string, name: string, body: Buffer): Record<string, string> {
  return { kind: "storage#object", bucket, name, id: `${bucket}/${name}`, size: String(body.length), md5Hash: md5(body), generation: "1", metageneration: "1" };
}

/**
 * Cloud Storage's JSON API, as much of it as the client uses here: multipart upload, media
 * download (with its x-goog-hash), object metadata and listing by prefix.
 */
export async function startStorageFake(): Promise<StorageFake> {
  const objects = new Map<string, Buffer>();
  const route = (req: RecordedRequest): FakeAnswer => {
    const upload = /^\/upload\/storage\/v1\/b\/([^/]+)\/o$/.exec(req.path);
    if (upload && req.method === "POST") {
      const bucket = upload[1]!;
      const [meta, data] = multipartParts(req.headers["content-type"] as string | undefined, req.body);
      if (!meta || !data) return googleError(400, "invalid", "multipart upload needs a metadata and a media part");
      const name = (JSON.parse(meta.body.toString("utf8")) as { name?: string }).name ?? req.query.name;
      if (!name) return googleError(400, "required", "object name is required");
      objects.set(`${bucket}/${name}`, Buffer.from(data.body));
      return { status: 200, json: resource(bucket, name, data.body) };
    }
    const object = /^\/storage\/v1\/b\/([^/]+)\/o\/(.+)$/.exec(req.path);
    if (object && req.method === "GET") {
      const [bucket, name] = [object[1]!, object[2]!];
      const body = objects.get(`${bucket}/${name}`);
      if (!body) return googleError(404, "notFound", `No such object: ${bucket}/${name}`);
      if (req.query.alt === "media") return { status: 200, body, headers: { "x-goog-hash": `md5=${md5(body)}` } };
      return { status: 200, json: resource(bucket, name, body) };
    }
    const list = /^\/storage\/v1\/b\/([^/]+)\/o$/.exec(req.path);
    if (list && req.method === "GET") {
      const bucket = list[1]!;
      const prefix = req.query.prefix ?? "";
      const items = [...objects.entries()]
        .filter(([key]) => key.startsWith(`${bucket}/${prefix}`))
        .map(([key, body]) => resource(bucket, key.slice(bucket.length + 1), body));
      return { status: 200, json: { kind: "storage#objects", items } };
    }
    return googleError(404, "notFound", `storage fake: no route for ${req.method} ${req.path}`);
  };
  const fake = await startHttpFake(route);
  return {
    ...fake,
    objects,
    seed: (bucket, name, body) => {
      objects.set(`${bucket}/${name}`, Buffer.from(body));
    },
  };
}
