// Attributed revenue for ROI: the revenue KPI's actual, else its latest reading; unknown stays unknown.
import { describe, expect, it } from "vitest";
import { attributedRevenue } from "../../../src/domain/evaluation";

const kpi = (row: number, campaign: string, indicator: string, actual: unknown = "") => ({
  row,
  cells: { campaign, indicator, actual },
});
const reading = (row: number, date: string, campaign: string, indicator: string, value: unknown) => ({
  row,
  cells: { date, campaign, indicator, value },
});

describe("attributedRevenue()", () => {
  it("takes the KPI's actual, else the latest reading, matching indicators in any case or width", () => {
    const revenue = attributedRevenue(
      [kpi(2, "C-1", "Sales", 120000), kpi(3, "C-2", " ＧＭＶ "), kpi(4, "C-3", "Leads", 900), kpi(5, "C-4", "销售额")],
      [
        reading(2, "2026-03-10", "C-2", "gmv", 5000),
        reading(3, "2026-03-20", "C-2", "GMV", 9000),
        reading(4, "2026-03-15", "C-2", "GMV", 7000),
        reading(5, "2026-03-20", "C-1", "Sales", 1),
        reading(6, "2026-03-20", "C-3", "Leads", 950),
      ],
      ["Revenue", "Sales", "GMV", "销售额"],
    );
    expect([...revenue].sort()).toEqual([
      ["C-1", 120000],
      ["C-2", 9000],
    ]);
  });

  it("counts the first revenue KPI of a campaign and ignores unusable readings", () => {
    const revenue = attributedRevenue(
      [kpi(2, "C-1", "Revenue"), kpi(3, "C-1", "Sales", 10)],
      [reading(2, "2026-03-01", "C-1", "Revenue", "n/a"), reading(3, "", "C-1", "Revenue", 5)],
      ["Revenue", "Sales"],
    );
    expect(revenue.size).toBe(0);
  });
});
