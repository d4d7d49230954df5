import {
  lastBusinessDay,
  nthFriday,
  pendingReconstitutions,
  reconstitutionsOfYear,
} from "../../src/model/reconstitution";
import type { ReconstitutionCalendar } from "../../src/model/types";

const CAL: ReconstitutionCalendar = { annualRankMonth: 4, lateRankMonth: 11, lateFromYear: 2026 };

describe("the reconstitution calendar", () => {
  test("rank day: 30 April, or the last business day of April when the 30th is a weekend", () => {
    expect(lastBusinessDay(2026, 4)).toBe("2026-04-30"); // Thursday
    expect(lastBusinessDay(2027, 4)).toBe("2027-04-30"); // Friday
    expect(lastBusinessDay(2028, 4)).toBe("2028-04-28"); // the 30th is a Sunday
    expect(lastBusinessDay(2033, 4)).toBe("2033-04-29"); // the 30th is a Saturday
    expect(lastBusinessDay(2026, 10)).toBe("2026-10-30"); // 31 October 2026 is a Saturday
  });

  test("effective dates: the fourth Friday of June; the n-th Friday of the month after the late rank day", () => {
    expect(nthFriday(2026, 6, 4)).toBe("2026-06-26");
    expect(nthFriday(2027, 6, 4)).toBe("2027-06-25");
    expect(nthFriday(2026, 12, 2)).toBe("2026-12-11");
    expect(nthFriday(2026, 13, 2)).toBe("2027-01-08"); // month 13 rolls into January
    expect(nthFriday(2027, 1, 1)).toBe("2027-01-01"); // the 1st is itself a Friday
  });

  test("2025 has one reconstitution; 2026 has the June one and, for the first time, a late-year one", () => {
    expect(reconstitutionsOfYear(CAL, 2025)).toEqual([
      { kind: "annual", rankDay: "2025-04-30", effectiveDate: "2025-06-27" },
    ]);
    expect(reconstitutionsOfYear(CAL, 2026)).toEqual([
      { kind: "annual", rankDay: "2026-04-30", effectiveDate: "2026-06-26" },
      { kind: "late", rankDay: "2026-11-30", effectiveDate: "2026-12-11" },
    ]);
  });

  test("the late-year month and effective Friday are configurable", () => {
    expect(reconstitutionsOfYear({ ...CAL, lateRankMonth: 12 }, 2026)[1]).toEqual({
      kind: "late",
      rankDay: "2026-12-31",
      effectiveDate: "2027-01-08",
    });
    expect(reconstitutionsOfYear({ ...CAL, lateEffectiveFriday: 3 }, 2026)[1]!.effectiveDate).toBe("2026-12-18");
    expect(reconstitutionsOfYear({ ...CAL, lateRankMonth: null }, 2026)).toHaveLength(1);
  });

  test("pending reconstitutions: not yet in effect on the date, in order", () => {
    expect(pendingReconstitutions(CAL, "2026-10-30", 3).map((r) => r.rankDay)).toEqual([
      "2026-11-30",
      "2027-04-30",
      "2027-11-30",
    ]);
    // Between rank day and effective date the June reconstitution is still pending (and has ranked).
    expect(pendingReconstitutions(CAL, "2026-05-15", 2).map((r) => r.rankDay)).toEqual(["2026-04-30", "2026-11-30"]);
    expect(pendingReconstitutions(CAL, "2026-06-26", 1)[0]!.rankDay).toBe("2026-04-30"); // effective that evening
    expect(pendingReconstitutions(CAL, "2026-06-27", 1)[0]!.rankDay).toBe("2026-11-30");
    expect(pendingReconstitutions(CAL, "2025-07-01", 2).map((r) => r.rankDay)).toEqual(["2026-04-30", "2026-11-30"]);
    expect(pendingReconstitutions(CAL, "2028-01-05", 1)[0]).toEqual({
      kind: "annual",
      rankDay: "2028-04-28",
      effectiveDate: "2028-06-23",
    });
  });
});
