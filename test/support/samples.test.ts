import { samplesMode } from "./samples";

describe("tests on the real samples", () => {
  it("run when the samples are there, whatever CI says", () => {
    expect(samplesMode(true, "true")).toBe("run");
    expect(samplesMode(true, undefined)).toBe("run");
  });
  it("fail, never skip, when the samples are missing in CI", () => {
    expect(samplesMode(false, "true")).toBe("fail");
    expect(samplesMode(false, "1")).toBe("fail");
  });
  it("skip, saying so, only outside CI", () => {
    expect(samplesMode(false, undefined)).toBe("skip");
    expect(samplesMode(false, "false")).toBe("skip");
  });
});
