import { promisify } from "node:util";
import { brotliDecompress, gunzip, inflate } from "node:zlib";

const DECODERS: Readonly<Record<string, (body: Buffer) => Promise<Buffer>>> = {
  gzip: promisify(gunzip),
  "x-gzip": promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
};

/** A response body as text, undoing its Content-Encoding (the sources gzip their JSON). */
export async function decodeBody(body: Buffer, contentEncoding: string | string[] | undefined): Promise<string> {
  const encodings = (Array.isArray(contentEncoding) ? contentEncoding.join(",") : (contentEncoding ?? ""))
    .split(",")
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== "" && e !== "identity");
  let bytes = body;
  // Encodings are listed in the order they were applied: undo them last first.
  for (const encoding of encodings.reverse()) {
    const decode = DECODERS[encoding];
    if (!decode) throw new Error(`unsupported Content-Encoding "${encoding}"`);
    bytes = await decode(bytes);
  }
  return bytes.toString("utf8");
}
