// The functions bundle: associates the QUALIS functions with their ids (functions.json, written from the specs,
// declares them), starts loading the universe as soon as the runtime starts, before any cell asks, and has Excel
// recalculate the workbook whenever a newer universe is accepted.
import { recalculateOnNewUniverse } from "../runtime/recalc";
import { getStore } from "../runtime/shared-store";
import { associateFunctions } from "./functions";

associateFunctions();
recalculateOnNewUniverse(getStore());
