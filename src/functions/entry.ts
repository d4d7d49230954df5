// The functions bundle: associates the QUALIS functions with their ids (functions.json, written from the specs,
// declares them), calls Office.onReady itself (office.js finishes initialising only once some bundle has, so the
// functions never depend on the pane's bundle loading), starts loading the universe as soon as Office is ready,
// before any cell asks, and has Excel recalculate the workbook whenever a newer universe is accepted.
import { officeReady } from "../runtime/office-ready";
import { recalculateOnNewUniverse } from "../runtime/recalc";
import { getStore } from "../runtime/shared-store";
import { associateFunctions } from "./functions";

void officeReady();
associateFunctions();
recalculateOnNewUniverse(getStore());
