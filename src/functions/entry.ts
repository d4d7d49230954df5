// The functions bundle: registers the QUALIS functions (the metadata plugin adds the associate calls to
// functions.ts), starts loading the universe as soon as the runtime starts, before any cell asks, and has Excel
// recalculate the workbook whenever a newer universe is accepted.
import "./functions";
import { recalculateOnNewUniverse } from "../runtime/recalc";
import { getStore } from "../runtime/shared-store";

recalculateOnNewUniverse(getStore());
