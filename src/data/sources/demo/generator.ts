// The deterministic demo universe (DESIGN.md §3): ~2,000 fictional companies calibrated on the Russell 2000 —
// sector shares, the share of loss-makers by sector, market caps from about $150m to $7bn, five fiscal years of
// coherent fundamentals, themes from the theme table. The same options always give the same universe: no clock, no
// Math.random. Every company is fictional, and the universe says so in its provenance.
//
// How a company is made: its sector (exact counts), an industry of that sector (real SEC SIC codes), whether it has
// fundamentals and whether it loses money on trailing net income (exact counts per sector), an archetype
// (compounder, steady, cyclical, turnaround, decliner, chronic loss-maker, pre-revenue cash burner), a market cap
// from one calibrated distribution; then 24 quarters of revenue, margins, cash flows and balance sheets from which
// the trailing twelve months and the fiscal years are summed. Money in USD millions, shares in millions.
import type { Fundamentals } from "../../../model/fundamentals";
import { SECTORS, type Sector } from "../../../model/sectors";
import { themesFor } from "../../../model/theme-rules";
import type { ThemeId } from "../../../model/themes";
import { normalizeTicker } from "../../../model/tickers";
import type { Company, FinancialPeriod, FiscalYear, IndexFacts, Universe } from "../../../model/types";
import { SCHEMA_VERSION } from "../../snapshot-schema";
import { Rng } from "./rng";

// Module-local aliases: global lookups are slow inside jest's vm sandbox, and this runs them by the million.
const { PI, abs, exp, floor, log, max, min, pow, round, sign, sin } = Math;
const NOT_CLASSIFIED = Number.NaN;

// ── Industries and their economic profiles ───────────────────────────────────────────────────────────────────

/** How the balance sheet and income statement are shaped. */
export type ProfileKind = "operating" | "bank" | "insurer" | "lender" | "feeFinancial" | "reit";

export interface Profile {
  kind: ProfileKind;
  /** Median price / sales. */
  ps: number;
  /** Median gross margin; null where the line does not exist (banks, insurers, REITs). */
  gm: number | null;
  /** Share of companies that do not report gross profit although the line could exist. */
  gmMissing: number;
  /** Median net margin of a profitable year. */
  margin: number;
  /** Median size of the net margin of a loss-making year (positive number). */
  lossMargin: number;
  /** Median revenue / total assets. */
  turnover: number;
  /** Capital expenditure and depreciation & amortisation, as shares of revenue. */
  capex: number;
  da: number;
  /** Median annual revenue growth. */
  growth: number;
  /** Base annualised volatility of a $900m company. */
  vol: number;
  /** Relative propensity to be a loss-maker within its sector. */
  lossWeight: number;
  /** Share of the loss-makers that are pre-revenue cash burners (clinical biotech, explorers). */
  burnShare: number;
  cyclical: boolean;
  /** Median debt / total assets of a company that has debt, and the share of companies without debt. */
  debt: number;
  noDebt: number;
  /** Median cash / total assets. */
  cash: number;
  /** Receivables + inventory, and non-debt current liabilities, as shares of revenue. */
  workingCapital: number;
  currentLiabilities: number;
  /** Median other non-current liabilities (deferred taxes, leases, regulatory liabilities) / total assets. */
  otherLiabilities: number;
  /** Stock-based compensation (a non-cash charge) as a share of revenue. */
  sbc: number;
  /** Share of profitable companies that pay dividends, and their payout of net income. */
  payers: number;
  payout: number;
  tax: number;
  /** Name style and suffixes ("Bancorp", "Therapeutics", …). */
  names: "place" | "invented" | "mixed";
  suffixes: string[];
}

const BASE: Profile = {
  kind: "operating",
  ps: 1.2,
  gm: 0.3,
  gmMissing: 0.05,
  margin: 0.06,
  lossMargin: 0.08,
  turnover: 0.9,
  capex: 0.04,
  da: 0.04,
  growth: 0.05,
  vol: 0.42,
  lossWeight: 1,
  burnShare: 0,
  cyclical: false,
  debt: 0.25,
  noDebt: 0.12,
  cash: 0.1,
  workingCapital: 0.25,
  currentLiabilities: 0.15,
  otherLiabilities: 0.07,
  sbc: 0.015,
  payers: 0.35,
  payout: 0.3,
  tax: 0.23,
  names: "invented",
  suffixes: ["Corp.", "Inc.", "Holdings"],
};

function p(over: Partial<Profile>): Profile {
  return { ...BASE, ...over };
}

export const PROFILES = {
  // Financials
  bank: p({ kind: "bank", ps: 1.8, gm: null, gmMissing: 1, margin: 0.19, lossMargin: 0.1, turnover: 0.065, capex: 0.012, da: 0.015, growth: 0.05, vol: 0.28, lossWeight: 0.12, debt: 0.05, noDebt: 0.1, cash: 0.05, payers: 0.92, payout: 0.35, tax: 0.21, names: "place", suffixes: ["Bancorp", "Bancshares", "Financial Corp.", "Bankshares", "Bank Holding Co."] }),
  thrift: p({ kind: "bank", ps: 1.9, gm: null, gmMissing: 1, margin: 0.14, lossMargin: 0.1, turnover: 0.055, capex: 0.01, da: 0.015, growth: 0.03, vol: 0.28, lossWeight: 0.25, debt: 0.08, noDebt: 0.05, cash: 0.05, payers: 0.8, payout: 0.4, tax: 0.22, names: "place", suffixes: ["Savings Bancorp", "Federal Bancorp", "Financial Inc."] }),
  insurer: p({ kind: "insurer", ps: 1.0, gm: null, gmMissing: 1, margin: 0.09, lossMargin: 0.06, turnover: 0.35, capex: 0.005, da: 0.01, growth: 0.08, vol: 0.3, lossWeight: 0.9, debt: 0.06, noDebt: 0.25, cash: 0.05, payers: 0.6, payout: 0.25, tax: 0.2, names: "mixed", suffixes: ["Insurance Group", "Assurance Holdings", "Specialty Insurance", "Casualty Co."] }),
  feeFinancial: p({ kind: "feeFinancial", ps: 2.5, gm: null, gmMissing: 1, margin: 0.14, lossMargin: 0.15, turnover: 0.35, capex: 0.02, da: 0.03, growth: 0.07, vol: 0.42, lossWeight: 2.2, debt: 0.2, noDebt: 0.3, cash: 0.2, payers: 0.5, payout: 0.4, names: "mixed", suffixes: ["Capital", "Asset Management", "Partners", "Financial Group", "Advisors"] }),
  lender: p({ kind: "lender", ps: 1.5, gm: null, gmMissing: 1, margin: 0.12, lossMargin: 0.25, turnover: 0.15, capex: 0.015, da: 0.03, growth: 0.08, vol: 0.5, lossWeight: 3, debt: 0.65, noDebt: 0, cash: 0.08, payers: 0.3, payout: 0.25, names: "invented", suffixes: ["Credit Corp.", "Lending", "Financial", "Pay", "Capital"] }),
  // Real estate
  reit: p({ kind: "reit", ps: 5, gm: null, gmMissing: 1, margin: 0.15, lossMargin: 0.15, turnover: 0.11, otherLiabilities: 0.05, capex: 0.18, da: 0.35, growth: 0.04, vol: 0.3, lossWeight: 1, debt: 0.45, noDebt: 0, cash: 0.02, payers: 1, payout: 1.3, tax: 0, names: "mixed", suffixes: ["Realty Trust", "Properties", "REIT", "Residential Trust", "Industrial Realty", "Net Lease Trust"] }),
  realEstateServices: p({ ps: 1.2, gm: 0.3, gmMissing: 0.5, margin: 0.06, lossMargin: 0.12, turnover: 0.5, capex: 0.02, da: 0.03, growth: 0.03, vol: 0.45, lossWeight: 1.6, debt: 0.35, cash: 0.1, names: "mixed", suffixes: ["Realty", "Land Co.", "Development Corp.", "Real Estate Group"] }),
  // Health care
  biotech: p({ ps: 6, gm: 0.75, gmMissing: 0.3, margin: 0.15, lossMargin: 0.6, turnover: 0.35, capex: 0.04, da: 0.03, growth: 0.25, vol: 0.75, lossWeight: 6, burnShare: 0.65, debt: 0.1, noDebt: 0.45, cash: 0.55, workingCapital: 0.2, sbc: 0.12, payers: 0, suffixes: ["Therapeutics", "Bio", "Biosciences", "Biotherapeutics", "Oncology", "Genomics"] }),
  pharma: p({ ps: 4, gm: 0.7, gmMissing: 0.1, margin: 0.12, lossMargin: 0.4, turnover: 0.45, capex: 0.04, da: 0.04, growth: 0.15, vol: 0.6, lossWeight: 4, burnShare: 0.45, debt: 0.15, noDebt: 0.35, cash: 0.4, sbc: 0.08, payers: 0.05, suffixes: ["Pharmaceuticals", "Pharma", "Laboratories", "Therapeutics"] }),
  diagnostics: p({ ps: 3.5, gm: 0.55, margin: 0.08, lossMargin: 0.35, turnover: 0.5, capex: 0.05, da: 0.05, growth: 0.12, vol: 0.6, lossWeight: 3, burnShare: 0.2, debt: 0.15, noDebt: 0.35, cash: 0.35, sbc: 0.08, payers: 0, suffixes: ["Diagnostics", "Dx", "Genomics", "Labs"] }),
  medicalDevices: p({ ps: 3, gm: 0.6, margin: 0.08, lossMargin: 0.25, turnover: 0.6, capex: 0.04, da: 0.05, growth: 0.12, vol: 0.5, lossWeight: 1.8, burnShare: 0.15, debt: 0.2, noDebt: 0.3, cash: 0.3, sbc: 0.06, payers: 0.1, suffixes: ["Medical", "Surgical", "MedTech", "Scientific", "Orthopedics", "Vascular"] }),
  lifeSciences: p({ ps: 3, gm: 0.5, margin: 0.08, lossMargin: 0.2, turnover: 0.6, capex: 0.05, da: 0.06, growth: 0.08, vol: 0.48, lossWeight: 1.3, burnShare: 0.1, debt: 0.25, cash: 0.2, sbc: 0.04, payers: 0.1, suffixes: ["Scientific", "Life Sciences", "Research", "Instruments"] }),
  healthServices: p({ ps: 0.9, gm: 0.3, gmMissing: 0.5, margin: 0.04, lossMargin: 0.08, turnover: 1.0, capex: 0.04, da: 0.035, growth: 0.08, vol: 0.45, lossWeight: 0.9, debt: 0.35, cash: 0.1, workingCapital: 0.15, payers: 0.1, suffixes: ["Health", "Healthcare", "Care Partners", "Health Services"] }),
  managedCare: p({ ps: 0.3, gm: null, gmMissing: 1, margin: 0.025, lossMargin: 0.04, turnover: 1.6, capex: 0.01, da: 0.01, growth: 0.1, vol: 0.45, lossWeight: 1, debt: 0.15, cash: 0.25, workingCapital: 0.1, currentLiabilities: 0.2, payers: 0.1, suffixes: ["Health Plans", "Health", "Care Holdings"] }),
  healthDistribution: p({ ps: 0.3, gm: 0.12, margin: 0.02, lossMargin: 0.03, turnover: 2.2, capex: 0.01, da: 0.01, growth: 0.05, vol: 0.35, lossWeight: 0.6, debt: 0.25, cash: 0.08, workingCapital: 0.3, suffixes: ["Health Supply", "Medical Distribution", "Pharmacy Services"] }),
  // Information technology
  software: p({ ps: 4, gm: 0.72, margin: 0.1, lossMargin: 0.2, turnover: 0.5, capex: 0.02, da: 0.04, growth: 0.15, vol: 0.52, lossWeight: 1.4, debt: 0.15, noDebt: 0.4, cash: 0.35, workingCapital: 0.2, currentLiabilities: 0.35, sbc: 0.1, payers: 0.05, suffixes: ["Software", "Systems", "Labs", "Technologies", "Cloud", "Data", "AI"] }),
  itServices: p({ ps: 1.2, gm: 0.32, margin: 0.05, lossMargin: 0.08, turnover: 1.0, capex: 0.02, da: 0.03, growth: 0.06, vol: 0.42, lossWeight: 0.9, debt: 0.25, cash: 0.15, workingCapital: 0.2, sbc: 0.03, suffixes: ["Technologies", "Solutions", "Digital", "Systems Group"] }),
  semiconductors: p({ ps: 3.5, gm: 0.5, margin: 0.12, lossMargin: 0.2, turnover: 0.55, capex: 0.08, da: 0.07, growth: 0.1, vol: 0.58, lossWeight: 1.1, cyclical: true, debt: 0.15, noDebt: 0.35, cash: 0.3, workingCapital: 0.35, sbc: 0.06, payers: 0.15, suffixes: ["Semiconductor", "Micro", "Devices", "Photonics", "Silicon"] }),
  hardware: p({ ps: 1.5, gm: 0.4, margin: 0.06, lossMargin: 0.15, turnover: 0.8, capex: 0.04, da: 0.04, growth: 0.06, vol: 0.5, lossWeight: 1.1, cyclical: true, debt: 0.2, noDebt: 0.25, cash: 0.2, workingCapital: 0.35, sbc: 0.04, suffixes: ["Networks", "Technologies", "Electronics", "Communications"] }),
  instruments: p({ ps: 2.5, gm: 0.5, margin: 0.1, lossMargin: 0.12, turnover: 0.7, capex: 0.03, da: 0.04, growth: 0.07, vol: 0.42, lossWeight: 0.8, debt: 0.2, cash: 0.18, workingCapital: 0.35, sbc: 0.03, suffixes: ["Instruments", "Controls", "Sensors", "Measurement"] }),
  distributor: p({ ps: 0.4, gm: 0.2, margin: 0.03, lossMargin: 0.03, turnover: 1.8, capex: 0.01, da: 0.012, growth: 0.04, vol: 0.38, lossWeight: 0.5, debt: 0.3, cash: 0.05, workingCapital: 0.35, currentLiabilities: 0.15, suffixes: ["Supply", "Distribution", "Components"] }),
  // Industrials
  machinery: p({ ps: 1.4, gm: 0.32, margin: 0.07, lossMargin: 0.06, turnover: 0.85, capex: 0.03, da: 0.035, growth: 0.05, vol: 0.38, lossWeight: 0.7, cyclical: true, debt: 0.25, cash: 0.1, workingCapital: 0.35, payers: 0.5, suffixes: ["Industries", "Machinery", "Manufacturing", "Controls", "Robotics", "Corp."] }),
  electrical: p({ ps: 1.8, gm: 0.3, margin: 0.07, lossMargin: 0.2, turnover: 0.8, capex: 0.04, da: 0.04, growth: 0.1, vol: 0.5, lossWeight: 1.6, debt: 0.2, cash: 0.2, workingCapital: 0.35, sbc: 0.03, suffixes: ["Electric", "Power Systems", "Energy Technologies", "Electrical Corp.", "Battery Co."] }),
  aerospace: p({ ps: 1.8, gm: 0.24, margin: 0.06, lossMargin: 0.15, turnover: 0.7, capex: 0.04, da: 0.04, growth: 0.08, vol: 0.45, lossWeight: 1.3, burnShare: 0.1, debt: 0.3, cash: 0.12, workingCapital: 0.4, sbc: 0.03, payers: 0.3, suffixes: ["Aerospace", "Defense Systems", "Dynamics", "Aviation", "Space"] }),
  construction: p({ ps: 0.8, gm: 0.15, margin: 0.04, lossMargin: 0.04, turnover: 1.4, capex: 0.025, da: 0.025, growth: 0.08, vol: 0.4, lossWeight: 0.6, debt: 0.2, cash: 0.12, workingCapital: 0.3, currentLiabilities: 0.25, suffixes: ["Construction", "Infrastructure", "Constructors", "Engineering Group", "Contractors"] }),
  transport: p({ ps: 0.8, gm: 0.25, gmMissing: 0.6, margin: 0.05, lossMargin: 0.06, turnover: 0.9, capex: 0.1, da: 0.08, growth: 0.03, vol: 0.42, lossWeight: 1.2, cyclical: true, debt: 0.35, noDebt: 0.05, cash: 0.08, workingCapital: 0.12, suffixes: ["Logistics", "Transport", "Freight", "Airlines", "Shipping"] }),
  businessServices: p({ ps: 1.0, gm: 0.3, gmMissing: 0.3, margin: 0.05, lossMargin: 0.06, turnover: 1.2, capex: 0.02, da: 0.03, growth: 0.05, vol: 0.4, lossWeight: 0.8, debt: 0.3, cash: 0.1, workingCapital: 0.18, suffixes: ["Group", "Services", "Staffing", "Partners", "Consulting"] }),
  // Consumer discretionary
  restaurants: p({ ps: 1.0, gm: 0.2, gmMissing: 0.6, margin: 0.05, lossMargin: 0.05, turnover: 1.0, otherLiabilities: 0.25, capex: 0.06, da: 0.045, growth: 0.06, vol: 0.42, debt: 0.3, cash: 0.07, workingCapital: 0.03, currentLiabilities: 0.12, suffixes: ["Restaurants", "Hospitality", "Kitchen Co.", "Grill Holdings"] }),
  retail: p({ ps: 0.5, gm: 0.36, margin: 0.04, lossMargin: 0.05, turnover: 1.7, capex: 0.03, da: 0.03, growth: 0.03, vol: 0.5, lossWeight: 1.1, debt: 0.2, cash: 0.12, workingCapital: 0.2, suffixes: ["Stores", "Brands", "Outfitters", "Retail Group", "Home"] }),
  ecommerce: p({ ps: 1.0, gm: 0.4, margin: 0.04, lossMargin: 0.1, turnover: 1.8, capex: 0.02, da: 0.02, growth: 0.1, vol: 0.6, lossWeight: 2, debt: 0.1, noDebt: 0.35, cash: 0.3, workingCapital: 0.12, sbc: 0.04, payers: 0, suffixes: ["Direct", "Marketplace", "Online", "Commerce"] }),
  autoRetail: p({ ps: 0.25, gm: 0.17, margin: 0.025, lossMargin: 0.02, turnover: 2.0, capex: 0.01, da: 0.01, growth: 0.05, vol: 0.42, lossWeight: 0.6, debt: 0.4, cash: 0.04, workingCapital: 0.2, suffixes: ["Automotive Group", "Auto Holdings", "Motors"] }),
  autoParts: p({ ps: 0.5, gm: 0.16, margin: 0.04, lossMargin: 0.05, turnover: 1.1, capex: 0.045, da: 0.04, growth: 0.04, vol: 0.5, lossWeight: 1.1, cyclical: true, debt: 0.3, cash: 0.1, workingCapital: 0.3, suffixes: ["Automotive", "Motors", "Auto Parts", "Mobility"] }),
  homebuilder: p({ ps: 0.8, gm: 0.22, margin: 0.09, lossMargin: 0.05, turnover: 0.9, capex: 0.005, da: 0.005, growth: 0.07, vol: 0.42, lossWeight: 0.4, cyclical: true, debt: 0.25, cash: 0.1, workingCapital: 0.9, currentLiabilities: 0.1, payers: 0.4, suffixes: ["Homes", "Communities", "Builders"] }),
  leisure: p({ ps: 1.6, gm: 0.35, gmMissing: 0.5, margin: 0.06, lossMargin: 0.1, turnover: 0.6, capex: 0.08, da: 0.07, growth: 0.06, vol: 0.48, lossWeight: 1.3, debt: 0.45, noDebt: 0.05, cash: 0.08, workingCapital: 0.05, suffixes: ["Resorts", "Entertainment", "Leisure", "Hotels"] }),
  apparel: p({ ps: 0.9, gm: 0.45, margin: 0.05, lossMargin: 0.06, turnover: 1.1, capex: 0.025, da: 0.025, growth: 0.03, vol: 0.5, debt: 0.2, cash: 0.12, workingCapital: 0.35, suffixes: ["Apparel", "Brands", "Footwear"] }),
  durables: p({ ps: 0.7, gm: 0.3, margin: 0.04, lossMargin: 0.05, turnover: 1.1, capex: 0.03, da: 0.03, growth: 0.02, vol: 0.5, lossWeight: 1.1, debt: 0.25, cash: 0.1, workingCapital: 0.35, suffixes: ["Brands", "Home Products", "Outdoor", "Consumer Products"] }),
  education: p({ ps: 1.5, gm: 0.5, gmMissing: 0.5, margin: 0.07, lossMargin: 0.08, turnover: 0.8, capex: 0.04, da: 0.04, growth: 0.07, vol: 0.45, lossWeight: 0.9, debt: 0.15, cash: 0.25, workingCapital: 0.05, currentLiabilities: 0.3, suffixes: ["Education", "Learning", "Academies"] }),
  // Energy
  exploration: p({ ps: 2.0, gm: 0.6, gmMissing: 0.6, margin: 0.15, lossMargin: 0.15, turnover: 0.3, capex: 0.45, da: 0.3, growth: 0.03, vol: 0.48, cyclical: true, debt: 0.25, noDebt: 0.1, cash: 0.04, workingCapital: 0.15, payers: 0.5, payout: 0.35, suffixes: ["Energy", "Petroleum", "Resources", "Oil & Gas"] }),
  oilServices: p({ ps: 1.0, gm: 0.25, margin: 0.06, lossMargin: 0.08, turnover: 0.7, capex: 0.1, da: 0.1, growth: 0.05, vol: 0.52, lossWeight: 1.2, cyclical: true, debt: 0.25, cash: 0.08, workingCapital: 0.3, suffixes: ["Energy Services", "Drilling", "Oilfield Services", "Well Services"] }),
  refining: p({ ps: 0.25, gm: 0.08, margin: 0.03, lossMargin: 0.03, turnover: 1.5, capex: 0.03, da: 0.025, growth: 0.02, vol: 0.45, cyclical: true, debt: 0.3, cash: 0.08, workingCapital: 0.15, suffixes: ["Refining", "Fuels", "Renewable Fuels"] }),
  midstream: p({ ps: 1.8, gm: 0.4, gmMissing: 0.6, margin: 0.12, lossMargin: 0.08, turnover: 0.35, capex: 0.15, da: 0.12, otherLiabilities: 0.15, growth: 0.04, vol: 0.35, lossWeight: 0.6, debt: 0.45, noDebt: 0, cash: 0.02, workingCapital: 0.1, payers: 0.9, payout: 0.8, suffixes: ["Midstream", "Pipeline Co.", "Gas Gathering"] }),
  coal: p({ ps: 0.8, gm: 0.25, margin: 0.1, lossMargin: 0.08, turnover: 0.7, capex: 0.1, da: 0.08, growth: 0.0, vol: 0.5, cyclical: true, debt: 0.2, cash: 0.15, suffixes: ["Coal", "Mining Co.", "Resources"] }),
  tankers: p({ ps: 1.8, gm: 0.45, gmMissing: 0.6, margin: 0.2, lossMargin: 0.1, turnover: 0.3, capex: 0.1, da: 0.15, growth: 0.03, vol: 0.4, lossWeight: 0.5, cyclical: true, debt: 0.35, noDebt: 0.05, cash: 0.08, workingCapital: 0.1, payers: 0.7, payout: 0.6, suffixes: ["Tankers", "Maritime", "Shipping"] }),
  // Materials
  miner: p({ ps: 3, gm: 0.35, gmMissing: 0.3, margin: 0.12, lossMargin: 0.3, turnover: 0.3, capex: 0.25, da: 0.12, growth: 0.06, vol: 0.6, lossWeight: 2.5, burnShare: 0.45, cyclical: true, debt: 0.15, noDebt: 0.35, cash: 0.15, suffixes: ["Mining", "Gold", "Resources", "Minerals", "Metals Corp."] }),
  chemicals: p({ ps: 1.0, gm: 0.25, margin: 0.05, lossMargin: 0.06, turnover: 0.7, capex: 0.05, da: 0.05, growth: 0.02, vol: 0.42, cyclical: true, debt: 0.35, cash: 0.08, workingCapital: 0.3, payers: 0.5, suffixes: ["Chemicals", "Materials", "Specialty Chemical", "Polymers"] }),
  metals: p({ ps: 0.6, gm: 0.15, margin: 0.05, lossMargin: 0.05, turnover: 1.0, capex: 0.05, da: 0.04, growth: 0.03, vol: 0.45, lossWeight: 0.8, cyclical: true, debt: 0.25, cash: 0.1, workingCapital: 0.3, payers: 0.5, suffixes: ["Steel", "Metals", "Alloys", "Wire & Cable"] }),
  packaging: p({ ps: 0.7, gm: 0.2, margin: 0.04, lossMargin: 0.04, turnover: 0.9, capex: 0.05, da: 0.05, growth: 0.02, vol: 0.38, lossWeight: 0.9, debt: 0.4, noDebt: 0.05, cash: 0.06, workingCapital: 0.25, suffixes: ["Packaging", "Paper", "Containers"] }),
  buildingMaterials: p({ ps: 2.0, gm: 0.28, margin: 0.1, lossMargin: 0.05, turnover: 0.6, capex: 0.1, da: 0.08, growth: 0.05, vol: 0.38, lossWeight: 0.5, cyclical: true, debt: 0.3, cash: 0.08, workingCapital: 0.2, suffixes: ["Materials", "Aggregates", "Cement"] }),
  // Communication
  telecom: p({ ps: 1.2, gm: 0.55, gmMissing: 0.4, margin: 0.06, lossMargin: 0.15, turnover: 0.45, capex: 0.18, da: 0.17, otherLiabilities: 0.15, growth: 0.02, vol: 0.48, lossWeight: 1.1, debt: 0.45, noDebt: 0.05, cash: 0.05, workingCapital: 0.1, suffixes: ["Communications", "Telecom", "Fiber", "Networks"] }),
  media: p({ ps: 0.9, gm: 0.4, gmMissing: 0.4, margin: 0.05, lossMargin: 0.12, turnover: 0.6, capex: 0.03, da: 0.06, growth: 0.0, vol: 0.5, lossWeight: 1.1, debt: 0.45, noDebt: 0.1, cash: 0.06, workingCapital: 0.2, suffixes: ["Media", "Broadcasting", "Entertainment", "Studios"] }),
  interactive: p({ ps: 3, gm: 0.6, margin: 0.08, lossMargin: 0.2, turnover: 0.7, capex: 0.03, da: 0.05, growth: 0.12, vol: 0.6, lossWeight: 1.2, debt: 0.1, noDebt: 0.45, cash: 0.35, workingCapital: 0.15, currentLiabilities: 0.25, sbc: 0.08, payers: 0.05, suffixes: ["Interactive", "Games", "Social", "Digital"] }),
  // Consumer staples
  food: p({ ps: 1.0, gm: 0.3, margin: 0.05, lossMargin: 0.06, turnover: 1.0, capex: 0.04, da: 0.035, growth: 0.04, vol: 0.35, lossWeight: 1.1, debt: 0.3, cash: 0.07, workingCapital: 0.25, payers: 0.5, suffixes: ["Foods", "Beverage Co.", "Brands", "Farms", "Consumer Products"] }),
  grocery: p({ ps: 0.25, gm: 0.27, margin: 0.02, lossMargin: 0.02, turnover: 2.5, capex: 0.025, da: 0.02, growth: 0.03, vol: 0.32, lossWeight: 0.8, debt: 0.25, cash: 0.05, workingCapital: 0.1, currentLiabilities: 0.1, payers: 0.5, suffixes: ["Markets", "Grocers", "Food Stores"] }),
  // Utilities
  utility: p({ ps: 2.2, gm: 0.45, gmMissing: 0.8, margin: 0.11, lossMargin: 0.06, turnover: 0.22, capex: 0.3, otherLiabilities: 0.25, da: 0.14, growth: 0.04, vol: 0.22, lossWeight: 0.5, debt: 0.4, noDebt: 0, cash: 0.01, workingCapital: 0.12, payers: 0.95, payout: 0.65, tax: 0.2, names: "place", suffixes: ["Electric", "Energy", "Power & Light", "Utilities"] }),
  independentPower: p({ ps: 2.5, gm: 0.45, gmMissing: 0.6, margin: 0.08, lossMargin: 0.15, turnover: 0.15, capex: 0.45, otherLiabilities: 0.15, da: 0.2, growth: 0.12, vol: 0.45, lossWeight: 4, debt: 0.5, noDebt: 0, cash: 0.04, workingCapital: 0.12, payers: 0.3, suffixes: ["Renewables", "Power", "Clean Energy"] }),
} satisfies Record<string, Profile>;

export type ProfileKey = keyof typeof PROFILES;

export interface Industry {
  sic: number;
  /** The SEC's SIC title, as EDGAR spells it. */
  name: string;
  weight: number;
  profile: ProfileKey;
  /** Name suffixes where the profile's do not fit ("Water" for a water utility). */
  suffixes?: string[];
}

const I = (sic: number, name: string, weight: number, profile: ProfileKey, suffixes?: string[]): Industry =>
  suffixes ? { sic, name, weight, profile, suffixes } : { sic, name, weight, profile };

export const DEMO_INDUSTRIES: Readonly<Record<Sector, readonly Industry[]>> = {
  Financials: [
    I(6022, "State Commercial Banks", 38, "bank"),
    I(6021, "National Commercial Banks", 10, "bank"),
    I(6035, "Savings Institution, Federally Chartered", 5, "thrift"),
    I(6036, "Savings Institutions, Not Federally Chartered", 4, "thrift"),
    I(6331, "Fire, Marine & Casualty Insurance", 9, "insurer"),
    I(6311, "Life Insurance", 3, "insurer"),
    I(6351, "Surety Insurance", 2, "insurer"),
    I(6411, "Insurance Agents, Brokers & Service", 3, "feeFinancial"),
    I(6211, "Security Brokers, Dealers & Flotation Companies", 5, "feeFinancial"),
    I(6282, "Investment Advice", 5, "feeFinancial"),
    I(6199, "Finance Services", 7, "lender"),
    I(6141, "Personal Credit Institutions", 4, "lender"),
    I(6162, "Mortgage Bankers & Loan Correspondents", 3, "lender"),
    I(6153, "Short-Term Business Credit Institutions", 2, "lender"),
  ],
  "Health Care": [
    I(2836, "Biological Products, (No Diagnostic Substances)", 32, "biotech"),
    I(2834, "Pharmaceutical Preparations", 24, "pharma"),
    I(2835, "In Vitro & In Vivo Diagnostic Substances", 4, "diagnostics"),
    I(3841, "Surgical & Medical Instruments & Apparatus", 10, "medicalDevices"),
    I(3845, "Electromedical & Electrotherapeutic Apparatus", 5, "medicalDevices"),
    I(3842, "Orthopedic, Prosthetic & Surgical Appliances & Supplies", 3, "medicalDevices"),
    I(8731, "Services-Commercial Physical & Biological Research", 4, "lifeSciences"),
    I(3826, "Laboratory Analytical Instruments", 2, "lifeSciences"),
    I(8000, "Services-Health Services", 4, "healthServices"),
    I(8062, "Services-General Medical & Surgical Hospitals, NEC", 2, "healthServices"),
    I(8093, "Services-Specialty Outpatient Facilities, NEC", 3, "healthServices"),
    I(8071, "Services-Medical Laboratories", 2, "healthServices"),
    I(6324, "Hospital & Medical Service Plans", 2, "managedCare"),
    I(5122, "Wholesale-Drugs, Proprietaries & Druggists' Sundries", 1, "healthDistribution"),
  ],
  Industrials: [
    I(3560, "General Industrial Machinery & Equipment", 8, "machinery"),
    I(3561, "Pumps & Pumping Equipment", 3, "machinery"),
    I(3569, "General Industrial Machinery & Equipment, NEC", 4, "machinery"),
    I(3559, "Special Industry Machinery, NEC", 5, "machinery"),
    I(3540, "Metalworking Machinery & Equipment", 2, "machinery"),
    I(3531, "Construction Machinery & Equip", 2, "machinery"),
    I(3537, "Industrial Trucks, Tractors, Trailers & Stackers", 1, "machinery"),
    I(3523, "Farm Machinery & Equipment", 1, "machinery"),
    I(3585, "Air-Cond & Warm Air Heating Equip & Comm & Indl Refrig Equip", 3, "machinery"),
    I(3490, "Miscellaneous Fabricated Metal Products", 3, "machinery"),
    I(3440, "Fabricated Structural Metal Products", 2, "machinery"),
    I(3620, "Electrical Industrial Apparatus", 4, "electrical"),
    I(3621, "Motors & Generators", 3, "electrical"),
    I(3613, "Switchgear & Switchboard Apparatus", 2, "electrical"),
    I(3690, "Miscellaneous Electrical Machinery, Equipment & Supplies", 5, "electrical"),
    I(3728, "Aircraft Parts & Auxiliary Equipment, NEC", 5, "aerospace"),
    I(3721, "Aircraft", 2, "aerospace"),
    I(3760, "Guided Missiles & Space Vehicles & Parts", 3, "aerospace"),
    I(3812, "Search, Detection, Navigation, Guidance, Aeronautical Sys", 4, "aerospace"),
    I(3480, "Ordnance & Accessories, (No Vehicles/Guided Missiles)", 1, "aerospace"),
    I(1600, "Heavy Construction Other Than Bldg Const - Contractors", 4, "construction"),
    I(1623, "Water, Sewer, Pipeline, Comm & Power Line Construction", 4, "construction"),
    I(1731, "Electrical Work", 2, "construction"),
    I(8711, "Services-Engineering Services", 4, "construction"),
    I(4213, "Trucking (No Local)", 5, "transport"),
    I(4400, "Water Transportation", 2, "transport"),
    I(4512, "Air Transportation, Scheduled", 2, "transport"),
    I(7363, "Services-Help Supply Services", 4, "businessServices"),
    I(8742, "Services-Management Consulting Services", 4, "businessServices"),
    I(7380, "Services-Miscellaneous Business Services", 4, "businessServices"),
    I(5084, "Wholesale-Industrial Machinery & Equipment", 3, "distributor"),
  ],
  "Information Technology": [
    I(7372, "Services-Prepackaged Software", 38, "software"),
    I(7370, "Services-Computer Programming, Data Processing, Etc.", 8, "software"),
    I(7371, "Services-Computer Programming Services", 5, "itServices"),
    I(7373, "Services-Computer Integrated Systems Design", 6, "itServices"),
    I(3674, "Semiconductors & Related Devices", 12, "semiconductors"),
    I(3672, "Printed Circuit Boards", 2, "hardware"),
    I(3679, "Electronic Components, NEC", 5, "hardware"),
    I(3576, "Computer Communications Equipment", 5, "hardware"),
    I(3577, "Computer Peripheral Equipment, NEC", 3, "hardware"),
    I(3571, "Electronic Computers", 1, "hardware"),
    I(3663, "Radio & TV Broadcasting & Communications Equipment", 5, "hardware"),
    I(3825, "Instruments For Meas & Testing of Electricity & Elec Signals", 3, "instruments"),
    I(3823, "Industrial Instruments For Measurement, Display, and Control", 3, "instruments"),
    I(5065, "Wholesale-Electronic Parts & Equipment, NEC", 2, "distributor"),
  ],
  "Consumer Discretionary": [
    I(5812, "Retail-Eating Places", 12, "restaurants"),
    I(5651, "Retail-Family Clothing Stores", 4, "retail"),
    I(5600, "Retail-Apparel & Accessory Stores", 4, "retail"),
    I(5700, "Retail-Home Furniture, Furnishings & Equipment Stores", 3, "retail"),
    I(5940, "Retail-Miscellaneous Shopping Goods Stores", 4, "retail"),
    I(5961, "Retail-Catalog & Mail-Order Houses", 6, "ecommerce"),
    I(5500, "Retail-Auto Dealers & Gasoline Stations", 3, "autoRetail"),
    I(3714, "Motor Vehicle Parts & Accessories", 8, "autoParts"),
    I(3711, "Motor Vehicles & Passenger Car Bodies", 2, "autoParts"),
    I(1531, "Operative Builders", 8, "homebuilder"),
    I(7011, "Hotels & Motels", 4, "leisure"),
    I(7990, "Services-Miscellaneous Amusement & Recreation", 6, "leisure"),
    I(2300, "Apparel & Other Finishd Prods of Fabrics & Similar Matl", 4, "apparel"),
    I(3021, "Rubber & Plastics Footwear", 2, "apparel"),
    I(2510, "Household Furniture", 3, "durables"),
    I(3944, "Games, Toys & Children's Vehicles (No Dolls & Bicycles)", 2, "durables"),
    I(3751, "Motorcycles, Bicycles & Parts", 1, "durables"),
    I(8200, "Services-Educational Services", 4, "education"),
  ],
  Energy: [
    I(1311, "Crude Petroleum & Natural Gas", 45, "exploration"),
    I(1381, "Drilling Oil & Gas Wells", 6, "oilServices"),
    I(1389, "Oil & Gas Field Services, NEC", 14, "oilServices"),
    I(3533, "Oil & Gas Field Machinery & Equipment", 6, "oilServices"),
    I(2911, "Petroleum Refining", 6, "refining"),
    I(4922, "Natural Gas Transmission", 6, "midstream"),
    I(1221, "Bituminous Coal & Lignite Surface Mining", 6, "coal"),
    I(4412, "Deep Sea Foreign Transportation of Freight", 5, "tankers"),
    I(1090, "Miscellaneous Metal Ores", 4, "miner"),
  ],
  "Real Estate": [
    I(6798, "Real Estate Investment Trusts", 75, "reit"),
    I(6500, "Real Estate", 8, "realEstateServices"),
    I(6531, "Real Estate Agents & Managers (For Others)", 10, "realEstateServices"),
    I(6552, "Land Subdividers & Developers (No Cemeteries)", 7, "realEstateServices"),
  ],
  Materials: [
    I(2800, "Chemicals & Allied Products", 10, "chemicals"),
    I(2821, "Plastic Materials, Synth Resins & Nonvulcan Elastomers", 6, "chemicals"),
    I(2860, "Industrial Organic Chemicals", 6, "chemicals"),
    I(2870, "Agricultural Chemicals", 4, "chemicals"),
    I(3310, "Steel Works, Blast Furnaces & Rolling & Finishing Mills", 10, "metals"),
    I(3334, "Primary Production of Aluminum", 3, "metals"),
    I(3357, "Drawing & Insulating of Nonferrous Wire", 2, "metals"),
    I(1040, "Gold and Silver Ores", 14, "miner"),
    I(1000, "Metal Mining", 10, "miner"),
    I(2650, "Paperboard Containers & Boxes", 5, "packaging"),
    I(3089, "Plastics Products, NEC", 5, "packaging"),
    I(2600, "Papers & Allied Products", 3, "packaging"),
    I(3241, "Cement, Hydraulic", 3, "buildingMaterials"),
    I(1400, "Mining & Quarrying of Nonmetallic Minerals (No Fuels)", 4, "buildingMaterials"),
  ],
  Communication: [
    I(4813, "Telephone Communications (No Radiotelephone)", 15, "telecom"),
    I(4841, "Cable & Other Pay Television Services", 6, "telecom"),
    I(4899, "Communications Services, NEC", 8, "telecom"),
    I(4833, "Television Broadcasting Stations", 8, "media"),
    I(4832, "Radio Broadcasting Stations", 4, "media"),
    I(2711, "Newspapers: Publishing or Publishing & Printing", 4, "media"),
    I(7812, "Services-Motion Picture & Video Tape Production", 6, "media"),
    I(7311, "Services-Advertising Agencies", 6, "media"),
    I(7370, "Services-Computer Programming, Data Processing, Etc.", 14, "interactive"),
    I(7372, "Services-Prepackaged Software", 6, "interactive"),
  ],
  "Consumer Staples": [
    I(2000, "Food and Kindred Products", 18, "food"),
    I(2080, "Beverages", 10, "food"),
    I(2086, "Bottled & Canned Soft Drinks & Carbonated Waters", 4, "food"),
    I(2844, "Perfumes, Cosmetics & Other Toilet Preparations", 8, "food"),
    I(2111, "Cigarettes", 3, "food"),
    I(2090, "Miscellaneous Food Preparations & Kindred Products", 6, "food"),
    I(100, "Agricultural Production-Crops", 6, "food"),
    I(5411, "Retail-Grocery Stores", 8, "grocery"),
    I(5141, "Wholesale-Groceries & Related Products", 6, "grocery"),
  ],
  Utilities: [
    I(4911, "Electric Services", 30, "utility"),
    I(4931, "Electric & Other Services Combined", 15, "utility"),
    I(4924, "Natural Gas Distribution", 20, "utility", ["Gas", "Natural Gas", "Gas Utilities"]),
    I(4941, "Water Supply", 20, "utility", ["Water", "Water Works", "Water Service"]),
    I(4991, "Cogeneration Services & Small Power Producers", 15, "independentPower"),
  ],
};

// ── Calibration (DESIGN.md §3: the iShares IWM list of 10 Apr 2026, published Russell figures) ──────────────────

export const DEMO_SEED = 20260425;
export const DEMO_COUNT = 2000;
export const DEMO_AS_OF = "2026-10-30";

/** Sector shares of the index (they sum to 0.99 as measured; counts are rounded to the requested total). */
export const DEMO_SECTOR_SHARES: Readonly<Record<Sector, number>> = {
  Financials: 0.21,
  "Health Care": 0.21,
  Industrials: 0.13,
  "Information Technology": 0.11,
  "Consumer Discretionary": 0.1,
  Energy: 0.05,
  "Real Estate": 0.05,
  Materials: 0.04,
  Communication: 0.04,
  "Consumer Staples": 0.03,
  Utilities: 0.02,
};

/** Share of each sector with negative net income (FY2024 as measured; the demo applies it to trailing net income). */
export const DEMO_UNPROFITABLE_RATES: Readonly<Record<Sector, number>> = {
  "Health Care": 0.78,
  "Information Technology": 0.54,
  Communication: 0.41,
  Energy: 0.34,
  "Consumer Discretionary": 0.31,
  Materials: 0.3,
  "Real Estate": 0.29,
  Financials: 0.28,
  "Consumer Staples": 0.26,
  Industrials: 0.24,
  Utilities: 0.09,
};

/** Companies without any fundamentals, without a volatility, with fewer than five fiscal years. */
export const DEMO_NO_FUNDAMENTALS_SHARE = 0.015;
export const DEMO_NO_VOLATILITY_SHARE = 0.03;
export const DEMO_SHORT_HISTORY_SHARE = 0.04;
/** Companies whose fiscal year ends in June or September rather than December. */
export const DEMO_OFF_CALENDAR_SHARE = 0.15;

/**
 * Total market caps, USD millions: log-normal (median, sigma of the logarithm) truncated to [floor, ceiling], the
 * Russell 3000's smallest member (2024) to roughly the upper band; plus a thin tail up to tailCeiling of companies
 * that have grown past the band since the last reconstitution. The tail sets how many demo members graduate at the
 * next rank day (the late-year one, a month after the demo's date): 1.25% of 2,000 = 25, between the 28 (2024) and
 * 19 (2025) annual moves and about half of June 2026's roughly doubled count — a half-year's worth at that pace.
 */
export const DEMO_MARKET_CAP = {
  floor: 150,
  ceiling: 7000,
  tailCeiling: 9500,
  tailShare: 0.0125,
  median: 850,
  sigma: 1.05,
} as const;

export const DEMO_INDEX_FACTS: Readonly<IndexFacts> = {
  name: "Russell 2000",
  breakpoint: 4600,
  upperBand: 7000,
  bandPercentile: 2.5,
  bandSource: "Demo: published 2025 breakpoint ($4.6bn); upper band estimated",
  calendar: { annualRankMonth: 4, lateRankMonth: 11, lateFromYear: 2026 },
};

export interface DemoOptions {
  seed?: number;
  count?: number;
  /** YYYY-MM-DD; the trailing twelve months end on the last quarter end at least 30 days before it. */
  asOf?: string;
}

/** Companies per sector: the calibrated shares, rounded to `count` by largest remainder (ties in SECTORS order). */
export function demoSectorCounts(count: number): Record<Sector, number> {
  const total = SECTORS.reduce((s, k) => s + DEMO_SECTOR_SHARES[k], 0);
  const raw = SECTORS.map((s) => (DEMO_SECTOR_SHARES[s] / total) * count);
  const out = {} as Record<Sector, number>;
  SECTORS.forEach((s, i) => (out[s] = floor(raw[i]!)));
  let left = count - SECTORS.reduce((s, k) => s + out[k], 0);
  const order = SECTORS.map((s, i) => ({ s, rem: raw[i]! - floor(raw[i]!), i })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { s } of order) {
    if (left <= 0) break;
    out[s] += 1;
    left -= 1;
  }
  return out;
}

// ── Small numeric helpers ─────────────────────────────────────────────────────────────────────────────────────

const clamp = (x: number, lo: number, hi: number): number => min(hi, max(lo, x));
/** Rounds to a multiple of 10^-decimals, never returning -0. */
function roundTo(x: number, decimals: 1 | 2 | 3 | 5): number {
  const f = decimals === 1 ? 10 : decimals === 2 ? 100 : decimals === 3 ? 1000 : 100000;
  const v = round(x * f) / f;
  return v === 0 ? 0 : v;
}
const money = (x: number): number => roundTo(x, 1);
const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

// ── The calendar: quarter ends, the TTM end, fiscal-year ends ────────────────────────────────────────────────

/** Quarters simulated per company; the last one ends on the TTM end. Five fiscal years need at most 23. */
const Q = 24;

interface QuarterCalendar {
  /** Month index (year × 12 + month − 1) of the TTM end. */
  ttmMonth: number;
  ttmEnd: string;
  /** The end date of each simulated quarter, oldest first. */
  quarterEnds: string[];
}

function parseIsoDate(s: string): Date {
  const d = new Date(`${s}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
    throw new Error(`asOf must be a date as YYYY-MM-DD (got '${s}')`);
  }
  return d;
}

function monthEnd(monthIndex: number): string {
  const y = floor(monthIndex / 12);
  const m = monthIndex - y * 12; // 0-based
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return `${String(y).padStart(4, "0")}-${String(m + 1).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
}

function quarterCalendar(asOf: string): QuarterCalendar {
  const d = parseIsoDate(asOf);
  const cutoff = new Date(d.getTime() - 30 * 86400000);
  let month = cutoff.getUTCFullYear() * 12 + cutoff.getUTCMonth();
  // The quarter end on or before the cutoff: the end of this month if it is a quarter month and already over.
  const isQuarterMonth = (mi: number) => (mi % 12) % 3 === 2;
  if (!(isQuarterMonth(month) && monthEnd(month) <= cutoff.toISOString().slice(0, 10))) {
    month -= 1;
    while (!isQuarterMonth(month)) month -= 1;
  }
  const quarterEnds = Array.from({ length: Q }, (_, q) => monthEnd(month - 3 * (Q - 1 - q)));
  return { ttmMonth: month, ttmEnd: monthEnd(month), quarterEnds };
}

/** The quarter index of the latest fiscal-year end in `fyMonth` (1–12, a quarter month) on or before the TTM end. */
function latestFiscalEndQuarter(cal: QuarterCalendar, fyMonth: number): number {
  const ttmMonthOfYear = (cal.ttmMonth % 12) + 1;
  const back = (ttmMonthOfYear - fyMonth + 12) % 12; // months
  return Q - 1 - back / 3;
}

// ── Company drafts ───────────────────────────────────────────────────────────────────────────────────────────

type Archetype = "compounder" | "steady" | "cyclical" | "turnaround" | "decliner" | "chronic" | "burner";

interface Draft {
  index: number;
  sector: Sector;
  industry: Industry;
  profile: Profile;
  hasFundamentals: boolean;
  loss: boolean;
  archetype: Archetype;
  cap: number;
}

function chooseArchetype(rng: Rng, profile: Profile, loss: boolean, sectorRate: number): Archetype {
  if (loss) {
    if (profile.kind === "bank") return rng.chance(0.8) ? "decliner" : "chronic";
    if (rng.chance(profile.burnShare)) return "burner";
    return rng.chance(clamp(0.15 + 0.35 * (1 - sectorRate), 0.08, 0.45)) ? "decliner" : "chronic";
  }
  if (rng.chance(clamp(0.4 * sectorRate, 0.03, 0.35))) return "turnaround";
  if (rng.chance(profile.cyclical ? 0.35 : 0.08)) return "cyclical";
  return rng.chance(0.35) ? "compounder" : "steady";
}

function drawCaps(rng: Rng, count: number): number[] {
  const c = DEMO_MARKET_CAP;
  const tail = round(c.tailShare * count);
  const caps: number[] = [];
  for (let i = 0; i < count - tail; i++) {
    let x: number;
    do x = rng.lognormal(c.median, c.sigma);
    while (x < c.floor + 1 || x > c.ceiling);
    caps.push(x);
  }
  for (let i = 0; i < tail; i++) caps.push(exp(rng.uniform(log(c.ceiling), log(c.tailCeiling))));
  return caps.sort((a, b) => a - b);
}

// ── Names and tickers ────────────────────────────────────────────────────────────────────────────────────────

const SYL_A = ["Al", "Am", "An", "Ar", "Ash", "Bel", "Bran", "Cal", "Cam", "Cor", "Cres", "Dal", "Dor", "El", "Em", "Ev", "Fal", "Fen", "Gal", "Gar", "Hal", "Hav", "Ir", "Jas", "Kel", "Ken", "Lan", "Lor", "Lum", "Mar", "Mer", "Mon", "Nav", "Nor", "Ost", "Pal", "Pen", "Quin", "Ral", "Rav", "Ros", "Sal", "Sel", "Sol", "Tal", "Ter", "Tor", "Ul", "Val", "Ven", "Ver", "Wil", "Wyn", "Xan", "Yar", "Zan", "Zel"];
const SYL_B = ["", "", "", "a", "e", "i", "o", "an", "ar", "el", "en", "er", "is", "or"];
const SYL_C = ["ton", "vex", "ora", "ium", "ant", "ex", "ix", "ion", "ell", "ent", "ara", "is", "on", "ica", "yn", "ris", "us", "ia", "eon", "ade", "ford", "wick", "ley", "stead", "ova", "ith", "ax"];
const PLACE_A = ["North", "South", "East", "West", "Pine", "Cedar", "Oak", "River", "Lake", "Stone", "Iron", "Silver", "Golden", "Red", "Blue", "Green", "High", "Fair", "Clear", "Bright", "Maple", "Elm", "Willow", "Ash", "Bay", "Harbor", "Prairie", "Summit", "Mill", "Spring", "Crystal", "Eagle", "Fox", "Hawk", "Deer", "Copper", "Granite", "Sandy", "Long", "Wolf"];
const PLACE_B = ["field", "brook", "ridge", "wood", "ford", "haven", "crest", "gate", "view", "vale", "mont", "port", "dale", "stone", "water", "land", "bury", "wick", "hollow", "creek", "point", "shire"];

function inventedWord(rng: Rng): string {
  return rng.pick(SYL_A) + rng.pick(SYL_B) + rng.pick(SYL_C);
}

function placeWord(rng: Rng): string {
  return rng.pick(PLACE_A) + rng.pick(PLACE_B);
}

function makeName(rng: Rng, d: Draft): { name: string; root: string; suffix: string } {
  const style = d.profile.names === "mixed" ? (rng.chance(0.5) ? "place" : "invented") : d.profile.names;
  const root = style === "place" ? placeWord(rng) : inventedWord(rng);
  const suffix = rng.pick(d.industry.suffixes ?? d.profile.suffixes);
  const first = d.profile.kind === "bank" && rng.chance(0.12);
  return { name: `${first ? "First " : ""}${root} ${suffix}`, root: first ? `F${root}` : root, suffix };
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function tickerCandidates(rng: Rng, root: string, suffix: string): string[] {
  const r = root.toUpperCase().replace(/[^A-Z]/g, "");
  const s = suffix.toUpperCase().replace(/[^A-Z]/g, "");
  const consonants = r[0] + r.slice(1).replace(/[AEIOU]/g, "");
  const out = [r.slice(0, 4), r.slice(0, 3), consonants.slice(0, 4), consonants.slice(0, 3), r.slice(0, 3) + s.slice(0, 1), r.slice(0, 2) + s.slice(0, 1)];
  for (let i = 0; i < 12; i++) {
    const len = rng.chance(0.5) ? 3 : 4;
    let t = r.slice(0, 1);
    while (t.length < len) t += LETTERS[rng.int(26)];
    out.push(t);
  }
  return out.filter((t) => /^[A-Z]{3,4}$/.test(t));
}

// ── The fundamentals simulation ──────────────────────────────────────────────────────────────────────────────

interface Simulated {
  ttm: FinancialPeriod;
  years: FiscalYear[];
}

/** Fields a company never reports, decided once for all its periods. */
interface Gaps {
  interestExpense: boolean;
  retainedEarnings: boolean;
  currentItems: boolean;
  capex: boolean;
  operatingCashFlow: boolean;
  da: boolean;
}

/** The business cycle a company's revenue and margins share (flat where the company is not cyclical). */
interface Cycle {
  amplitude: number;
  period: number;
  phase: number;
  on: boolean;
}

const cycleAt = (c: Cycle, q: number): number => (c.on ? sin((2 * PI * q) / c.period + c.phase) : 0);
/** Years from the middle of the TTM period to the middle of quarter q. */
const yearsFromTtm = (q: number): number => (q - (Q - 2.5)) / 4;
const ttmSum = (xs: readonly number[]): number => xs[Q - 4]! + xs[Q - 3]! + xs[Q - 2]! + xs[Q - 1]!;

/** Each quarter's trailing four quarters, annualised (the first quarters from what there is). */
function trailingAnnual(xs: readonly number[]): number[] {
  const out: number[] = [];
  let run = 0;
  for (let q = 0; q < xs.length; q++) {
    run += xs[q]!;
    if (q >= 4) run -= xs[q - 4]!;
    out.push((run * 4) / min(q + 1, 4));
  }
  return out;
}

function scaleToTtm(xs: number[], ttm: number): number[] {
  const s = ttm / ttmSum(xs);
  return xs.map((x) => x * s);
}

/** Quarterly revenue whose last four quarters sum to `revenueTtm`: persistent growth, noise, the cycle. */
function revenuePath(d: Draft, rng: Rng, cycle: Cycle, revenueTtm: number): number[] {
  const pr = d.profile;
  let gMean = pr.growth;
  switch (d.archetype) {
    case "compounder": gMean = max(0.06, pr.growth + 0.05); break;
    case "steady": gMean = pr.growth * 0.5; break;
    case "cyclical":
    case "turnaround": gMean = pr.growth * 0.6; break;
    case "decliner": gMean = pr.growth * 0.3 - 0.04; break;
    case "chronic": gMean = pr.growth * 1.3 + 0.03; break;
    case "burner": gMean = 0.3; break;
  }
  gMean += rng.normal(0, 0.04);
  const growthShock = cycle.on ? 0.05 : 0.03;
  const noise = d.archetype === "burner" ? 0.3 : 0.025;
  const raw: number[] = [];
  let level = 0;
  let g = gMean + rng.normal(0, 0.05);
  for (let q = 0; q < Q; q++) {
    if (q > 0) {
      g = gMean + 0.85 * (g - gMean) + rng.normal(0, growthShock);
      level += g / 4 + rng.normal(0, noise);
    }
    raw.push(exp(level + cycle.amplitude * cycleAt(cycle, q)));
  }
  return scaleToTtm(raw, revenueTtm);
}

/**
 * Quarterly net income from a margin path: the TTM margin (profit or loss as drawn), a trend that tells the
 * archetype's story (a turnaround improves, a decliner deteriorates), persistent noise and the cycle. The path is
 * shifted so that the TTM margin comes out exactly, which keeps the calibrated loss counts exact.
 */
function netIncomePath(d: Draft, rng: Rng, cycle: Cycle, R: readonly number[], revenueTtm: number): number[] {
  const pr = d.profile;
  const arch = d.archetype;
  let mT: number;
  if (!d.loss) {
    const level = arch === "compounder" ? 1.3 : arch === "turnaround" ? 0.5 : 1;
    mT = clamp(pr.margin * level * rng.lognormal(1, 0.5), 0.006, pr.kind === "reit" ? 0.6 : 0.4);
  } else {
    const level = arch === "decliner" ? 0.5 : 1;
    mT = -clamp(pr.lossMargin * level * rng.lognormal(1, 0.7), 0.006, 3);
  }
  // At least USD 150k either way, so that rounding never turns a profit or a loss into zero.
  if (abs(mT * revenueTtm) < 0.15) mT = (sign(mT) * 0.15) / revenueTtm;
  const scale = clamp((pr.margin + pr.lossMargin) / 0.14, 0.5, 1.5);
  // Margin change per year. A turnaround was losing money about three years ago; a decliner was making a typical
  // profit then; a chronic loss-maker's losses narrow, or stay.
  let trend = 0;
  if (arch === "compounder") trend = rng.uniform(0, 0.01);
  else if (arch === "turnaround") trend = ((mT + 0.6 * pr.lossMargin) / 3) * rng.uniform(0.6, 1.3);
  else if (arch === "decliner") trend = (-(0.8 * pr.margin - mT) / 3) * rng.uniform(0.6, 1.3);
  else if (arch === "chronic") trend = rng.uniform(0, 0.04) * scale;
  const sd = arch === "chronic" ? 0.01 + 0.12 * abs(mT) : 0.004 + 0.08 * abs(mT);
  const marginCycle = (arch === "cyclical" ? rng.uniform(0.6, 1.3) : 0.3) * abs(mT);
  const shape: number[] = [];
  let e = rng.normal(0, sd);
  for (let q = 0; q < Q; q++) {
    e = 0.6 * e + rng.normal(0, sd);
    shape.push(trend * yearsFromTtm(q) + e + marginCycle * cycleAt(cycle, q));
  }
  const offset = -(shape[Q - 4]! * R[Q - 4]! + shape[Q - 3]! * R[Q - 3]! + shape[Q - 2]! * R[Q - 2]! + shape[Q - 1]! * R[Q - 1]!) / revenueTtm;
  // No quarter above a 60% net margin (80% for a REIT): the cycle must not make a tanker company all profit.
  const ceiling = pr.kind === "reit" ? 0.8 : 0.6;
  return R.map((r, q) => min(ceiling, mT + shape[q]! + offset) * r);
}

/** A pre-revenue company's quarterly cash burn (positive), growing or shrinking, summing to `burn` over the TTM. */
function burnPath(rng: Rng, burn: number): number[] {
  const gB = rng.uniform(-0.05, 0.3);
  const raw: number[] = [];
  for (let q = 0; q < Q; q++) raw.push(exp(-gB * ((Q - 1 - q) / 4)) * rng.lognormal(1, 0.12));
  return scaleToTtm(raw, burn);
}

interface BalanceSheets {
  assets: number[];
  cash: number[];
  debt: number[];
  equity: number[];
  /** NaN where the balance sheet is not classified (financials, REITs). */
  currentAssets: number[];
  currentLiabilities: number[];
  /** Interest rate on debt, and for banks the cost of deposits. */
  rate: number;
  depositCost: number;
}

/** Quarter-end balance sheets sized from trailing revenue (or, for a burner, from its cash runway). */
function balanceSheets(d: Draft, rng: Rng, annualR: readonly number[], annualBurn: readonly number[] | null): BalanceSheets {
  const pr = d.profile;
  const kind = pr.kind;
  const arch = d.archetype;
  const turnover = pr.turnover * rng.lognormal(1, 0.3);
  const cashRatio = clamp(pr.cash * rng.lognormal(1, 0.5) * (arch === "chronic" ? 1.6 : 1), 0.005, 0.8);
  const debtFree = rng.chance(min(0.9, pr.noDebt * (arch === "chronic" || annualBurn ? 1.5 : 1)));
  const debtRatio = debtFree ? 0 : clamp(pr.debt * rng.lognormal(1, 0.4), 0.01, 0.8);
  const wcRatio = pr.workingCapital * rng.lognormal(1, 0.3);
  const clRatio = pr.currentLiabilities * rng.lognormal(1, 0.3);
  const otherRatio = pr.otherLiabilities * rng.lognormal(1, 0.4);
  const equityRatio =
    kind === "bank" ? rng.uniform(0.08, 0.13) : kind === "insurer" ? rng.uniform(0.18, 0.35) : kind === "lender" ? rng.uniform(0.12, 0.3) : rng.uniform(0.3, 0.7);
  const out: BalanceSheets = {
    assets: [], cash: [], debt: [], equity: [], currentAssets: [], currentLiabilities: [],
    rate: rng.uniform(0.045, 0.09),
    depositCost: rng.uniform(0.016, 0.03),
  };
  const burnerAssets = rng.uniform(1.08, 1.4);
  const burnerCl = rng.uniform(0.15, 0.35);
  let runway = rng.uniform(1.5, 4);
  for (let q = 0; q < Q; q++) {
    let a: number, c: number, dbt: number, eq: number;
    let ca = NOT_CLASSIFIED;
    let cl = NOT_CLASSIFIED;
    if (annualBurn) {
      if (q > 0) runway -= 0.25;
      if (runway < rng.uniform(0.7, 1.2)) runway = rng.uniform(2, 4); // a capital raise
      const b = annualBurn[q]!;
      c = runway * b;
      a = c * burnerAssets * exp(rng.normal(0, 0.03));
      dbt = min(debtRatio, 0.2) * a;
      ca = c + (a - c) * 0.4;
      cl = burnerCl * b;
      eq = a - dbt - cl - 0.04 * a;
    } else {
      const r = annualR[q]!;
      a = (r / turnover) * exp(rng.normal(0, 0.03));
      if (kind === "bank") {
        c = a * clamp(cashRatio, 0.02, 0.1);
        dbt = a * clamp(debtRatio, 0, 0.1);
        eq = a * equityRatio * exp(rng.normal(0, 0.02));
      } else if (kind === "insurer" || kind === "lender" || kind === "feeFinancial") {
        c = a * cashRatio * exp(rng.normal(0, 0.1));
        const dr = kind === "lender" ? clamp(debtRatio, 0.4, 0.85 - equityRatio) : min(debtRatio, 0.9 - equityRatio);
        dbt = a * dr * exp(rng.normal(0, 0.05));
        eq = a * equityRatio * exp(rng.normal(0, 0.03));
      } else if (kind === "reit") {
        c = a * clamp(cashRatio, 0.005, 0.06);
        dbt = a * clamp(debtRatio, 0.25, 0.65) * exp(rng.normal(0, 0.03));
        eq = a - dbt - otherRatio * a;
      } else {
        c = min(0.85 * a, a * cashRatio * exp(rng.normal(0, 0.15)));
        dbt = a * debtRatio * exp(rng.normal(0, 0.08));
        ca = min(c + wcRatio * r, 0.97 * a);
        cl = min(clRatio * r + 0.05 * dbt, 0.6 * a);
        eq = a - dbt - (cl - 0.05 * dbt) - otherRatio * a;
        if (eq < -0.25 * a) {
          // Highly levered loss-makers: cap the deficit at a quarter of assets.
          dbt = max(0, dbt - (-0.25 * a - eq));
          eq = a - dbt - (cl - 0.05 * dbt) - otherRatio * a;
        }
      }
    }
    out.assets.push(a);
    out.cash.push(c);
    out.debt.push(dbt);
    out.equity.push(eq);
    out.currentAssets.push(ca);
    out.currentLiabilities.push(cl);
  }
  return out;
}

interface Statements {
  interest: number[];
  operatingIncome: number[];
  da: number[];
  operatingCashFlow: number[];
  capex: number[];
}

/** Interest, operating income (net income grossed up for tax, plus net interest), D&A, cash flow, capex. */
function statements(d: Draft, rng: Rng, R: readonly number[], NI: readonly number[], burn: readonly number[] | null, annualR: readonly number[], bs: BalanceSheets): Statements {
  const pr = d.profile;
  const kind = pr.kind;
  const bankLike = kind === "bank" || kind === "lender";
  const daRatio = pr.da * rng.lognormal(1, 0.25);
  const sbc = pr.sbc * rng.lognormal(1, 0.3);
  const wcRatio = pr.workingCapital * rng.lognormal(1, 0.3);
  const ocfRatio = rng.uniform(0.7, 0.9);
  const capexRatio = pr.capex * rng.lognormal(1, 0.2);
  const out: Statements = { interest: [], operatingIncome: [], da: [], operatingCashFlow: [], capex: [] };
  let yearFactor = 1;
  for (let q = 0; q < Q; q++) {
    const r = R[q]!;
    const ni = NI[q]!;
    const interest = kind === "bank" ? (0.8 * bs.assets[q]! * bs.depositCost + bs.debt[q]! * 0.05) / 4 : (bs.debt[q]! * bs.rate) / 4;
    const interestIncome = bankLike ? 0 : (bs.cash[q]! * 0.035) / 4;
    const pretax = ni > 0 ? ni / (1 - pr.tax) : ni;
    const da = burn ? 0.03 * burn[q]! : daRatio * r;
    let ocf: number;
    if (burn) ocf = ni * ocfRatio + burn[q]! * rng.normal(0, 0.05);
    else if (kind === "bank") ocf = ni * (1.15 + rng.normal(0, 0.25));
    else if (kind === "insurer") ocf = ni * 1.2 + r * rng.normal(0.04, 0.05);
    else if (kind === "lender") ocf = ni + da + r * rng.normal(0.02, 0.1);
    else {
      const dWc = q >= 4 ? (wcRatio * (annualR[q]! - annualR[q - 4]!)) / 4 : 0;
      ocf = ni + da + sbc * r - dWc + r * rng.normal(0, 0.02);
    }
    if (q % 4 === 0) yearFactor = rng.lognormal(1, 0.15); // capex is lumpy from year to year
    out.interest.push(interest);
    out.operatingIncome.push(bankLike ? pretax : pretax + interest - interestIncome);
    out.da.push(da);
    out.operatingCashFlow.push(ocf);
    out.capex.push(max(0.03, (burn ? 0.03 * burn[q]! : capexRatio * r) * yearFactor));
  }
  return out;
}

/** Gross profit where the company reports it; its margin always clears the operating margin. */
function grossProfitPath(d: Draft, rng: Rng, R: readonly number[], OI: readonly number[]): number[] | null {
  const pr = d.profile;
  if (pr.gm === null || rng.chance(pr.gmMissing)) return null;
  let maxOpMargin = -Infinity;
  for (let q = 0; q < Q; q++) maxOpMargin = max(maxOpMargin, OI[q]! / R[q]!);
  const gm = min(0.95, max(pr.gm * rng.lognormal(1, 0.2), maxOpMargin + rng.uniform(0.04, 0.12)));
  return R.map((r) => (gm + rng.normal(0, 0.008)) * r);
}

/** Retained earnings: an opening balance that fits the company's past, then net income less dividends. */
function retainedEarningsPath(d: Draft, rng: Rng, NI: readonly number[], bs: BalanceSheets): number[] {
  const pr = d.profile;
  const arch = d.archetype;
  const payer = pr.kind === "reit" || ((arch === "steady" || arch === "compounder" || arch === "cyclical") && rng.chance(pr.payers));
  const payout = pr.payout * rng.lognormal(1, 0.2);
  // Cumulative net income less dividends from zero, then an opening balance that fits the company's past.
  let run = 0;
  const path = NI.map((ni) => (run += ni - (payer ? payout * max(ni, 0) : 0)));
  const firstYear = abs(NI[0]! + NI[1]! + NI[2]! + NI[3]!);
  const equityNow = max(0, bs.equity[Q - 1]!);
  let opening: number;
  if (pr.kind === "reit") opening = -bs.assets[Q - 1]! * rng.uniform(0.03, 0.3) - run; // distributions in excess of earnings
  else if (arch === "burner" || arch === "chronic") opening = -firstYear * rng.uniform(1.5, 6); // accumulated deficit
  else if (arch === "turnaround") opening = -firstYear * rng.uniform(0.5, 3);
  else if (arch === "decliner") opening = max(0, bs.equity[0]!) * rng.uniform(0.2, 0.8);
  else opening = equityNow * rng.uniform(0.3, 1.2) - run; // mature: retained earnings of the order of equity
  return path.map((x) => x + opening);
}

function simulate(d: Draft, shares: number, rng: Rng, cal: QuarterCalendar): Simulated {
  const pr = d.profile;
  const kind = pr.kind;
  const arch = d.archetype;
  const burner = arch === "burner";
  const cycleOn = arch === "cyclical" || (pr.cyclical && !burner);
  const cycle: Cycle = {
    on: cycleOn,
    period: rng.uniform(12, 22),
    phase: rng.uniform(0, 2 * PI),
    amplitude: arch === "cyclical" ? rng.uniform(0.1, 0.25) : rng.uniform(0.04, 0.12),
  };

  // Revenue: trailing level from price/sales (or, for a pre-revenue burner, tiny collaboration revenue or none).
  const burn = burner ? max(6, d.cap * rng.uniform(0.06, 0.3)) : 0;
  const hasRevenue = !burner || rng.chance(0.55);
  const revenueTtm = burner
    ? burn * min(0.6, rng.lognormal(0.08, 0.9))
    : d.cap / (pr.ps * (pr.growth >= 0.1 && arch === "chronic" ? 1.3 : 1) * rng.lognormal(1, 0.45));
  const R = revenuePath(d, rng, cycle, revenueTtm);
  const burnQ = burner ? burnPath(rng, burn) : null;
  const NI = burnQ ? burnQ.map((b) => -b) : netIncomePath(d, rng, cycle, R, revenueTtm);

  const annualR = trailingAnnual(R);
  const bs = balanceSheets(d, rng, annualR, burnQ ? trailingAnnual(burnQ) : null);
  const st = statements(d, rng, R, NI, burnQ, annualR, bs);
  const GP = burner || !hasRevenue ? null : grossProfitPath(d, rng, R, st.operatingIncome);
  const RE = retainedEarningsPath(d, rng, NI, bs);

  // Share count: dilution for cash burners and growth companies, buybacks for mature payers.
  const dilution =
    burner ? rng.uniform(0.08, 0.3) : arch === "chronic" ? rng.uniform(0.03, 0.15) : arch === "turnaround" || arch === "decliner" ? rng.uniform(0, 0.06) : rng.uniform(-0.03, 0.02);

  const financialBalance = kind !== "operating";
  const gaps: Gaps = {
    interestExpense: rng.chance(0.04),
    retainedEarnings: rng.chance(0.015),
    currentItems: !financialBalance && rng.chance(0.015),
    capex: rng.chance(0.01),
    operatingCashFlow: rng.chance(0.005),
    da: rng.chance(0.02),
  };
  const noEbitda = kind === "bank" || kind === "insurer" || gaps.da;
  const noCurrent = financialBalance || gaps.currentItems;

  const period = (e: number): Fundamentals => {
    const flow = (xs: readonly number[]) => money(xs[e - 3]! + xs[e - 2]! + xs[e - 1]! + xs[e]!);
    return {
      revenue: hasRevenue ? flow(R) : null,
      grossProfit: GP ? flow(GP) : null,
      operatingIncome: flow(st.operatingIncome),
      netIncome: flow(NI),
      operatingCashFlow: gaps.operatingCashFlow ? null : flow(st.operatingCashFlow),
      capex: gaps.capex ? null : max(0.1, flow(st.capex)),
      totalAssets: money(bs.assets[e]!),
      currentAssets: noCurrent ? null : money(bs.currentAssets[e]!),
      currentLiabilities: noCurrent ? null : money(bs.currentLiabilities[e]!),
      totalDebt: money(bs.debt[e]!),
      cash: money(bs.cash[e]!),
      equity: money(bs.equity[e]!),
      interestExpense: gaps.interestExpense ? null : flow(st.interest),
      ebitda: noEbitda ? null : money(flow(st.operatingIncome) + flow(st.da)),
      retainedEarnings: gaps.retainedEarnings ? null : money(RE[e]!),
      sharesOutstanding: roundTo(shares * pow(1 + dilution, (e - (Q - 1)) / 4), 3),
    };
  };

  const fyMonth = rng.chance(DEMO_OFF_CALENDAR_SHARE) && kind !== "bank" ? (rng.chance(0.5) ? 6 : 9) : 12;
  const lastFy = latestFiscalEndQuarter(cal, fyMonth);
  const nYears = rng.chance(DEMO_SHORT_HISTORY_SHARE) ? (rng.chance(0.5) ? 3 : 4) : 5;
  const years: FiscalYear[] = [];
  for (let j = 0; j < nYears; j++) {
    const e = lastFy - 4 * j;
    const end = cal.quarterEnds[e]!;
    years.push({ fiscalYear: Number(end.slice(0, 4)), end, values: period(e) });
  }
  // A few companies miss one value in their oldest year (a tag they began to use later).
  if (rng.chance(0.03)) {
    const oldest = years[years.length - 1]!;
    const field = rng.pick(["interestExpense", "grossProfit", "cash", "operatingCashFlow", "currentAssets"] as const);
    oldest.values[field] = null;
  }
  return { ttm: { end: cal.ttmEnd, values: period(Q - 1) }, years };
}

// ── The universe ─────────────────────────────────────────────────────────────────────────────────────────────

export function generateDemoUniverse(opts: DemoOptions = {}): Universe {
  const seed = opts.seed ?? DEMO_SEED;
  const count = opts.count ?? DEMO_COUNT;
  const asOf = opts.asOf ?? DEMO_AS_OF;
  if (!Number.isInteger(count) || count < 1 || count > 20000) throw new Error(`count must be a whole number from 1 to 20000 (got ${count})`);
  if (!Number.isFinite(seed)) throw new Error(`seed must be a number (got ${seed})`);
  const cal = quarterCalendar(asOf);
  const master = new Rng(seed >>> 0);

  // 1. Sectors (exact counts) and industries.
  const counts = demoSectorCounts(count);
  const sectorList = master.derive("sectors").shuffle(SECTORS.flatMap((s) => new Array<Sector>(counts[s]).fill(s)));
  const drafts: Draft[] = sectorList.map((sector, index) => {
    const list = DEMO_INDUSTRIES[sector];
    const industry = master.derive(`industry:${index}`).weighted(list, list.map((x) => x.weight));
    return { index, sector, industry, profile: PROFILES[industry.profile], hasFundamentals: true, loss: false, archetype: "steady", cap: 0 };
  });

  // 2. Who has no fundamentals; who loses money on trailing net income (exact count per sector, by propensity).
  const noFund = master.derive("no-fundamentals").shuffle(drafts.map((d) => d.index)).slice(0, round(DEMO_NO_FUNDAMENTALS_SHARE * count));
  for (const i of noFund) drafts[i]!.hasFundamentals = false;
  const lossRng = master.derive("losses");
  for (const sector of SECTORS) {
    const members = drafts.filter((d) => d.sector === sector && d.hasFundamentals);
    const k = round(DEMO_UNPROFITABLE_RATES[sector] * members.length);
    for (const j of lossRng.weightedSample(members.map((d) => d.profile.lossWeight), k)) members[j]!.loss = true;
  }
  for (const d of drafts) d.archetype = chooseArchetype(master.derive(`archetype:${d.index}`), d.profile, d.loss, DEMO_UNPROFITABLE_RATES[d.sector]);

  // 3. Market caps: one calibrated distribution, matched to companies by a noisy score (loss-makers smaller).
  const caps = drawCaps(master.derive("caps"), count);
  const scoreRng = master.derive("cap-ranks");
  const score = drafts.map((d) => scoreRng.normal() + (d.archetype === "burner" ? -0.5 : d.loss ? -0.3 : 0.25) + (d.archetype === "compounder" ? 0.3 : 0));
  drafts
    .map((d) => d.index)
    .sort((a, b) => score[a]! - score[b]! || a - b)
    .forEach((i, rank) => (drafts[i]!.cap = caps[rank]!));

  // 4. Names and tickers (sequential: both must be unique).
  const nameRng = master.derive("names");
  const names = new Set<string>();
  const tickers = new Set<string>();
  const identity = drafts.map((d) => {
    let made = makeName(nameRng, d);
    for (let tries = 0; names.has(made.name) && tries < 50; tries++) made = makeName(nameRng, d);
    if (names.has(made.name)) made = { ...made, name: `${made.name} ${d.index}` };
    names.add(made.name);
    let ticker = tickerCandidates(nameRng, made.root, made.suffix).find((t) => !tickers.has(normalizeTicker(t)));
    while (ticker === undefined) {
      const t = Array.from({ length: 4 }, () => LETTERS[nameRng.int(26)]).join("");
      if (!tickers.has(normalizeTicker(t))) ticker = t;
    }
    tickers.add(normalizeTicker(ticker));
    return { name: made.name, ticker };
  });

  // 5. Volatility gaps.
  const noVol = new Set(master.derive("no-volatility").shuffle(drafts.map((d) => d.index)).slice(0, round(DEMO_NO_VOLATILITY_SHARE * count)));

  // 6. Each company.
  const themeCache = new Map<Industry, ThemeId[]>();
  const themesOf = (ind: Industry): ThemeId[] => {
    let hit = themeCache.get(ind);
    if (!hit) themeCache.set(ind, (hit = themesFor(ind.sic, ind.name)));
    return hit;
  };
  const floatFactors: number[] = [];
  const companies: Company[] = drafts.map((d) => {
    const rng = master.derive(`company:${d.index}`);
    const logPrice = log(22) + 0.3 * log(d.cap / 900) + rng.normal(0, 0.7) + (d.archetype === "burner" ? -0.5 : 0);
    const price = roundTo(clamp(exp(logPrice), 3, 300), 2);
    const sharesOutstanding = roundTo(d.cap / price, 3);
    const marketCap = money(price * sharesOutstanding);
    floatFactors.push(rng.uniform(0.6, 1.0));
    const vol = d.profile.vol * pow(marketCap / 900, -0.12) * (d.loss ? 1.15 : 1) * rng.lognormal(1, 0.15);
    const sim = d.hasFundamentals ? simulate(d, sharesOutstanding, rng.derive("fundamentals"), cal) : null;
    return {
      ticker: identity[d.index]!.ticker,
      name: identity[d.index]!.name,
      cik: null,
      sector: d.sector,
      industry: d.industry.name,
      sic: d.industry.sic,
      themes: themesOf(d.industry).slice(),
      price,
      sharesOutstanding,
      marketCap,
      marketCapEstimated: false,
      weight: null,
      volatility: noVol.has(d.index) ? null : roundTo(clamp(vol, 0.12, 1.6), 3),
      membership: "R2000",
      ttm: sim ? sim.ttm : null,
      years: sim ? sim.years : [],
    };
  });

  // 7. Float-adjusted weights summing to 100 (the rounding residue goes to the largest weight).
  const floatCaps = companies.map((c, i) => (c.marketCap ?? 0) * floatFactors[i]!);
  const totalFloat = sum(floatCaps);
  companies.forEach((c, i) => (c.weight = roundTo((floatCaps[i]! / totalFloat) * 100, 5)));
  const largest = companies.reduce((best, c) => ((c.weight ?? 0) > (best.weight ?? 0) ? c : best));
  largest.weight = roundTo((largest.weight ?? 0) + 100 - sum(companies.map((c) => c.weight ?? 0)), 5);

  // Grouped by sector, alphabetical within: easy to read, and similar companies side by side gzip better.
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  companies.sort((a, b) => cmp(a.sector ?? "", b.sector ?? "") || cmp(a.ticker, b.ticker));
  return {
    schemaVersion: SCHEMA_VERSION,
    provenance: {
      asOf,
      generatedAt: `${asOf}T00:00:00.000Z`,
      source: "demo",
      isDemo: true,
      coverage: {
        constituents: companies.length,
        withFundamentals: companies.filter((c) => c.ttm !== null).length,
        withMarketCap: companies.filter((c) => c.marketCap !== null).length,
      },
      notes: [
        "DEMO universe: every company in it is fictional. Names, tickers and figures are generated and describe no real company.",
        "Calibrated on the Russell 2000 (iShares IWM holdings of 10 Apr 2026): sector shares, the share of loss-makers by sector, market caps from about $150m to $7bn.",
        `Deterministic: seed ${seed}, ${count} companies; trailing twelve months to ${cal.ttmEnd}.`,
      ],
    },
    index: { ...DEMO_INDEX_FACTS, calendar: { ...DEMO_INDEX_FACTS.calendar } },
    companies,
  };
}
