import { remembered } from "./remembered";

describe("remembered", () => {
  it("reads a key once and hands back what it read after", () => {
    const memo = new Map<string, number>();
    const read = jest.fn((key: string) => key.length);
    expect(remembered(memo, "abc", read)).toBe(3);
    expect(remembered(memo, "abc", read)).toBe(3);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("empties the memo when it is full, and still answers every key right", () => {
    const memo = new Map<number, number>();
    for (let i = 0; i < 100; i++) expect(remembered(memo, i, (n) => n * 2, 10)).toBe(i * 2);
    expect(memo.size).toBeLessThanOrEqual(10);
    expect(remembered(memo, 3, (n) => n * 2, 10)).toBe(6);
  });
});
