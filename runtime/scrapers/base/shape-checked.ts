import { errorMessage } from "../../domain/error-message";
import { PayloadShapeError } from "../formats/payload-shape";
import { ScrapeError } from "./scrape-error";

/** Runs a record count; a payload of another shape becomes PAYLOAD_SHAPE naming the source format and the field. */
export function shapeChecked(format: string, count: () => number): number {
  try {
    return count();
  } catch (err) {
    if (err instanceof PayloadShapeError) throw new ScrapeError("PAYLOAD_SHAPE", `not ${format}: ${errorMessage(err)}`);
    throw err;
  }
}
