// The demo's economic profiles: how each kind of business is shaped (margins, turnover, capex, leverage, volatility,
// loss propensity, names), as medians the simulation draws around. Money in USD millions.

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

// One profile a line, as a table to read across: prettier would give every property a line of its own (~1,000 lines).
// prettier-ignore
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
