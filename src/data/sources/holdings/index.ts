// The holdings import's public face (the task pane's "Load a holdings CSV" and the CLI use these).
export {
  loadHoldingsCsv,
  universeFromHoldings,
  describeHoldingsReport,
  type HoldingsReport,
  type HoldingsOptions,
} from "./holdings-universe";
export {
  parseHoldingsCsv,
  HoldingsFormatError,
  type ParsedHoldings,
  type HoldingRow,
  type SkippedRow,
  type HoldingsProblem,
} from "./parse-holdings";
export { FUNDS, fundProfile, type FundProfile } from "./funds";
