"""Reference values for src/engine/compare's tests, computed without the code under test or scipy.

Run: python3 test/reference/compareReference.py  (standard library only; the values printed are the
ones written into src/engine/compare/*.test.ts).

- Fisher's exact test, two-sided: exact rational arithmetic (fractions + math.comb); the p-value is
  the sum of the probabilities of every table with the same margins no more likely than the one seen
  (the rule of scipy.stats.fisher_exact, which compares with a relative tolerance of 1e-7).
- Wilson score interval and Newcombe's hybrid score interval for a difference of proportions
  (Newcombe 1998, "Interval estimation for the difference between independent proportions", method 10),
  by their formulas, with z from statistics.NormalDist.
- Mann-Whitney U, two-sided: the normal approximation with tie correction and continuity correction
  as scipy.stats.mannwhitneyu(method="asymptotic") computes it, and the exact distribution by
  enumerating every split of the pooled ranks (for small samples without ties).
"""
from fractions import Fraction
from itertools import combinations
from math import comb, sqrt
from statistics import NormalDist

Z = NormalDist().inv_cdf(0.975)


def fisher(a, n, b, m):
    """2x2 table [[a, n-a], [b, m-b]]: before on time a of n, after b of m."""
    total = n + m
    ontime = a + b

    def p(x):
        return Fraction(comb(n, x) * comb(m, ontime - x), comb(total, ontime))

    lo, hi = max(0, ontime - m), min(n, ontime)
    seen = p(a)
    return float(sum(p(x) for x in range(lo, hi + 1) if p(x) <= seen))


def wilson(k, n):
    p = k / n
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z / (1 + Z * Z / n) * sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    return centre - half, centre + half


def newcombe(a, n, b, m):
    """The after share minus the before share, with its 95% interval."""
    p1, p2 = a / n, b / m
    l1, u1 = wilson(a, n)
    l2, u2 = wilson(b, m)
    d = p2 - p1
    return d, d - sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2), d + sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2)


def ranks(values):
    order = sorted(values)
    rank = {}
    i = 0
    while i < len(order):
        j = i
        while j < len(order) and order[j] == order[i]:
            j += 1
        rank[order[i]] = (i + 1 + j) / 2
        i = j
    return [rank[v] for v in values]


def u_statistic(x, y):
    r = ranks(x + y)
    n1 = len(x)
    return sum(r[:n1]) - n1 * (n1 + 1) / 2


def mwu_asymptotic(x, y):
    n1, n2 = len(x), len(y)
    n = n1 + n2
    u1 = u_statistic(x, y)
    u = max(u1, n1 * n2 - u1)
    counts = {}
    for v in x + y:
        counts[v] = counts.get(v, 0) + 1
    tie = sum(t ** 3 - t for t in counts.values())
    s = sqrt(n1 * n2 / 12 * ((n + 1) - tie / (n * (n - 1))))
    if s == 0:
        return u1, 1.0
    z = (u - n1 * n2 / 2 - 0.5) / s
    return u1, min(1.0, 2 * (1 - NormalDist().cdf(z)))


def mwu_exact(x, y):
    """No ties: P(U >= max U) over every way to choose which ranks are the first sample's."""
    n1, n2 = len(x), len(y)
    u1 = u_statistic(x, y)
    u = max(u1, n1 * n2 - u1)
    ranks_all = range(1, n1 + n2 + 1)
    ways = 0
    at_least = 0
    for chosen in combinations(ranks_all, n1):
        ways += 1
        if sum(chosen) - n1 * (n1 + 1) / 2 >= u:
            at_least += 1
    return u1, min(1.0, 2 * at_least / ways)


TABLES = [
    (7, 58, 20, 61),
    (0, 1, 1, 1),
    (1, 2, 0, 3),
    (10, 10, 12, 12),
    (0, 15, 0, 9),
    (8, 8, 0, 7),
    (3, 10, 9, 12),
    (18, 63, 25, 60),
]
SAMPLES = {
    "ties": ([12, 5, 33, 8, 8, 40, 61, 15, 22, 9, 10, 10], [3, 7, 8, 2, 10, 5, 5, 14, 6, 9, 4]),
    "smallTies": ([1, 2, 2], [2, 3, 4]),
    "allTied": ([5, 5, 5], [5, 5]),
}
EXACT = {
    "smallNoTies": ([6, 9, 10, 12], [1, 2, 5, 7, 8]),
    "separated": ([11, 12, 13, 14, 15], [1, 2, 3, 4]),
}

if __name__ == "__main__":
    for t in TABLES:
        d, lo, hi = newcombe(*t)
        print(f"table {t}: fisher p {fisher(*t)!r}; difference {d!r} [{lo!r}, {hi!r}]")
        a, n, b, m = t
        print(f"  wilson before {wilson(a, n)!r}; after {wilson(b, m)!r}")
    for name, (x, y) in SAMPLES.items():
        print(f"asymptotic {name}: U1, p = {mwu_asymptotic(x, y)!r}")
    for name, (x, y) in EXACT.items():
        print(f"exact {name}: U1, p = {mwu_exact(x, y)!r}; asymptotic {mwu_asymptotic(x, y)!r}")


def median_interval(values):
    """The order-statistic interval [x(k), x(n-k+1)] for the largest k with P(Bin(n, 1/2) <= k-1) <= 0.025."""
    xs = sorted(values)
    n = len(xs)
    best = None
    for k in range(1, n // 2 + 1):
        tail = sum(Fraction(comb(n, i), 2 ** n) for i in range(0, k))
        if tail <= Fraction(1, 40):
            best = k
    if best is None:
        return None
    return xs[best - 1], xs[n - best]


MEDIANS = {
    "five": [3, 1, 4, 1, 5],
    "six": [9, 2, 6, 5, 3, 5],
    "twelve": [12, 5, 33, 8, 8, 40, 61, 15, 22, 9, 10, 10],
    "thirty": [(i * 37) % 101 for i in range(30)],
}

if __name__ == "__main__":
    for name, values in MEDIANS.items():
        print(f"median interval {name}: {median_interval(values)!r}")
