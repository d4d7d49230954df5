// The functions bundle: registers the QUALIS functions (the metadata plugin adds the associate calls to
// functions.ts), starts loading the universe as soon as the runtime starts, before any cell asks, and has Excel
// recalculate the workbook whenever a newer universe is accepted.
import "./functions";
import { recalculateOnNewUniverse } from "./recalc";
import { getStore } from "./universe-runtime";

recalculateOnNewUniverse(getStore());
