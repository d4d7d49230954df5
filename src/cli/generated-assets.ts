// Files the web build emits from the compiled engine (webpack.config.js calls this from build/): the demo
// snapshot, generated here from the seeded generator and never edited by hand.
import { generateDemoUniverse } from "../data/demo/generator";
import { serializeSnapshot } from "../data/snapshot-codec";

export function generatedAssets(): Record<string, string> {
  return {
    "snapshot/demo.json": serializeSnapshot(generateDemoUniverse()),
  };
}
