import { readFileSync } from "fs";
import path from "path";
import { parseSubmissions, SubmissionsError } from "../../../../src/data/sources/sec/submissions";

test("submissions: SIC code and description, tickers, fiscal year end (fixture in the SEC's format)", () => {
  const doc = JSON.parse(
    readFileSync(path.join(__dirname, "../../../fixtures/sec/submissions/CIK0009990001.json"), "utf8"),
  );
  expect(parseSubmissions(doc)).toEqual({
    cik: "9990001",
    name: "Zenith June Tools Inc (test fixture)",
    sic: 3550,
    sicDescription: "Special Industry Machinery (No Metalworking Machinery)",
    tickers: ["ZJUN"],
    exchanges: ["NYSE"],
    fiscalYearEnd: "0630",
  });
});

test("an empty or odd SIC is no SIC; a document without a CIK is refused", () => {
  expect(parseSubmissions({ cik: "0000000042", sic: "", sicDescription: "" })).toMatchObject({
    cik: "42",
    sic: null,
    sicDescription: null,
    fiscalYearEnd: null,
  });
  expect(parseSubmissions({ cik: 42, sic: "0000", sicDescription: "x" }).sic).toBeNull();
  expect(() => parseSubmissions({ name: "x" })).toThrow(SubmissionsError);
});
