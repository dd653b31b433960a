import { HEAP_SET_VARIABLE, heapLimitArguments, wantedHeapLimitMb } from "./heapLimit";

const GB = 2 ** 30;

describe("the command's heap limit", () => {
  it("asks for three quarters of a 24 GB machine when node's limit is about 4 GB", () => {
    expect(wantedHeapLimitMb(24 * GB, 4.05 * GB)).toBe(18_432);
  });

  it("keeps node's own limit when the machine has little more memory than that", () => {
    expect(wantedHeapLimitMb(4 * GB, 4 * GB)).toBeUndefined();
    expect(wantedHeapLimitMb(6 * GB, 4 * GB)).toBeUndefined();
  });

  it("is not raised twice, nor over a limit the user set in NODE_OPTIONS", () => {
    expect(heapLimitArguments({ [HEAP_SET_VARIABLE]: "1" })).toEqual([]);
    expect(heapLimitArguments({ NODE_OPTIONS: "--max-old-space-size=2048" })).toEqual([]);
  });
});
