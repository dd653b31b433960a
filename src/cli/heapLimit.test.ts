import { HEAP_SET_VARIABLE, heapLimitArguments, wantedHeapLimitMb } from "./heapLimit";

const GB = 2 ** 30;

describe("the command's heap limit", () => {
  it("keeps node's own limit of about 4 GB on a machine with plenty of memory", () => {
    expect(wantedHeapLimitMb(24 * GB, 4.05 * GB)).toBeUndefined();
  });

  it("asks for 4 GB where node gives an 8 GB machine about 2 GB, and three quarters of a smaller one", () => {
    expect(wantedHeapLimitMb(8 * GB, 2 * GB)).toBe(4096);
    expect(wantedHeapLimitMb(4 * GB, 1 * GB)).toBe(3072);
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
