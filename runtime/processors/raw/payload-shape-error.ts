import { errorMessage } from "../../domain/error-message";
import { PayloadShapeError } from "../../scrapers/formats/payload-shape";
import { ProcessorError } from "../base/processor-error";

/** Reads a payload's structure; a payload of another shape fails the run naming the file and the field. */
export function readShape<T>(source: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof PayloadShapeError) throw new ProcessorError("INPUT_INVALID", `${source}: payload ${errorMessage(err)}; nothing was written`);
    throw err;
  }
}
