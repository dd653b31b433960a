import { seededRandom } from "../sample/seededRandom";
import { addRankedCase, idOrder, orderCases, rankOf, rankedCases } from "./caseOrder";

const COLLATOR = new Intl.Collator("en-GB", { numeric: true });

interface TestCase {
  id: string;
  tier: 0 | 1 | 2 | 3;
  weight: number;
  group: string | null;
}

/** The order as the agenda first had it: each group sorted, then the groups by their first member. */
function referenceOrder(cases: readonly TestCase[]): TestCase[] {
  const compare = (a: TestCase, b: TestCase): number =>
    a.tier - b.tier || a.weight - b.weight || COLLATOR.compare(a.id, b.id);
  const groups = new Map<string, TestCase[]>();
  for (const c of cases) {
    const key = c.group === null ? `id:${c.id}` : `group:${c.group}`;
    const members = groups.get(key) ?? [];
    members.push(c);
    groups.set(key, members);
  }
  const ordered = [...groups.values()].map((members) => members.sort(compare));
  ordered.sort((a, b) => compare(a[0] as TestCase, b[0] as TestCase));
  return ordered.flat();
}

function ordered(cases: readonly TestCase[]): TestCase[] {
  const ids = idOrder();
  const ranked = rankedCases<TestCase>();
  for (const c of cases) addRankedCase(ranked, c, rankOf(c.tier, c.weight), ids.numberOf(c.id), c.group);
  return orderCases(ranked, ids);
}

function randomCases(seed: number, count: number, idOf: (n: number) => string): TestCase[] {
  const random = seededRandom(seed);
  const pick = (n: number): number => Math.floor(random() * n);
  return Array.from({ length: count }, () => ({
    id: idOf(pick(count * 2)),
    tier: pick(4) as TestCase["tier"],
    weight: pick(3) === 0 ? 0 : pick(40) - 20,
    group: pick(5) === 0 ? `g${pick(count / 4)}` : null,
  }));
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as T, shuffled[i] as T];
  }
  return shuffled;
}

describe("ordering a worker's cases", () => {
  it("compares IDs as the en-GB numeric collator does", () => {
    const random = seededRandom(7);
    const ids = Array.from({ length: 400 }, () => {
      const digits = String(Math.floor(random() * 100_000));
      return random() < 0.2 ? `C0${digits}` : `C${digits}`;
    });
    const order = idOrder();
    const numbers = ids.map((id) => order.numberOf(id));
    expect(order.numbered()).toBe(true);
    const disagreements: string[] = [];
    for (let a = 0; a < ids.length; a++) {
      for (let b = 0; b < ids.length; b++) {
        const [x, y] = [ids[a] as string, ids[b] as string];
        const got = Math.sign(order.compare(x, numbers[a] as number, y, numbers[b] as number));
        if (got !== Math.sign(COLLATOR.compare(x, y))) disagreements.push(`${x} ${y}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it("leaves IDs that are not one prefix and a number to the collator", () => {
    const order = idOrder();
    const ids = ["C10", "c9", "H2", "C10a", "10"];
    const numbers = ids.map((id) => order.numberOf(id));
    expect(order.numbered()).toBe(false);
    expect(Math.sign(order.compare("C10", numbers[0] as number, "c9", numbers[1] as number))).toBe(
      Math.sign(COLLATOR.compare("C10", "c9")),
    );
  });

  it.each([
    ["numbered IDs in tracker order", (n: number) => `C${100000 + n}`],
    ["numbered IDs with leading zeros", (n: number) => (n % 3 === 0 ? `C0${n}` : `C${n}`)],
    ["IDs of any kind", (n: number) => (n % 4 === 0 ? `H-${n}` : `C${n}`)],
  ])(
    "puts the worst first and keeps sibling groups and repeated IDs together, as sorting each group would (%s)",
    (_, idOf) => {
      for (let seed = 1; seed <= 20; seed++) {
        const cases = randomCases(seed, 60, idOf);
        expect(ordered(cases)).toEqual(referenceOrder(cases));
      }
    },
  );

  it("orders cases whose IDs are all different by rank and number, in tracker order or not", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const cases = randomCases(seed, 200, (n) => `C${n}`).map((c, k) => ({ ...c, id: `C${k}` }));
      expect(ordered(cases)).toEqual(referenceOrder(cases));
      const shuffled = shuffle(cases, seed);
      expect(ordered(shuffled)).toEqual(referenceOrder(shuffled));
    }
  });
});
