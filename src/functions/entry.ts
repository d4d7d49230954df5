// The functions bundle: registers the QUALIS functions (the metadata plugin adds the associate calls to
// functions.ts) and starts loading the universe as soon as the runtime starts, before any cell asks.
import "./functions";
import { getStore } from "./universe-runtime";

getStore();
