// Files the web build emits from the compiled engine (webpack.config.js calls this from build/): the demo
// snapshot, generated here from the seeded generator and never edited by hand, and the function help page (with
// its stylesheet) generated from the function specs and the field catalogue.
import { generateDemoUniverse } from "../data/sources/demo/generator";
import { serializeSnapshot } from "../data/snapshot-codec";
import { HELP_PAGE } from "../model/function-specs";
import { HELP_CSS, helpPageHtml } from "./help-page";

export function generatedAssets(): Record<string, string> {
  return {
    "snapshot/demo.json": serializeSnapshot(generateDemoUniverse()),
    [HELP_PAGE]: helpPageHtml(),
    "help.css": HELP_CSS,
  };
}
