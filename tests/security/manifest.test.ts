// The manifest asks for no more than the add-in needs: no AppDomains (the pane never navigates its frame to another
// origin, and office.js loads from Microsoft's CDN by script tag, which needs none), document read/write (to write
// tables and their records), and nothing but https. tests/e2e/security.e2e.ts checks the built dist/manifest.xml too.
import { readFileSync } from "fs";
import path from "path";
import { manifestFacts } from "./manifest-facts";

test("manifest.xml: no AppDomains, ReadWriteDocument, every URL https", () => {
  const facts = manifestFacts(readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8"));
  expect(facts.appDomains).toBeUndefined();
  expect(facts.permissions).toBe("ReadWriteDocument");
  expect(facts.urls.length).toBeGreaterThan(5);
  for (const u of facts.urls) expect(new URL(u).protocol).toBe("https:");
});
