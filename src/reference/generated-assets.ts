// Files the web build emits from the compiled engine (webpack.config.js calls this from build/reference): the
// demo snapshot, generated here from the seeded generator and never edited by hand; functions.json, from the
// function specs; and the function help page (with its stylesheet), from the specs and the field catalogue.
import { generateDemoUniverse } from "../data/sources/demo/generator";
import { serializeSnapshot } from "../data/snapshot-codec";
import { HELP_PAGE } from "../model/function-specs";
import { functionsJson } from "./functions-json";
import { HELP_CSS, helpPageHtml } from "./help-page";

/** Every generated file by its path in dist/; `baseUrl` is where the pages are served (the development URL). */
export function generatedAssets(baseUrl: string): Record<string, string> {
  return {
    "snapshot/demo.json": serializeSnapshot(generateDemoUniverse()),
    "functions.json": functionsJson(baseUrl),
    [HELP_PAGE]: helpPageHtml(),
    "help.css": HELP_CSS,
  };
}
