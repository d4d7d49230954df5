// What a manifest asks for: its AppDomains, its permission, and every URL it names (for the security tests over the
// source manifest and the built one).
import { XMLParser } from "fast-xml-parser";

export function manifestFacts(xml: string) {
  const doc = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true }).parse(xml) as {
    OfficeApp: Record<string, unknown>;
  };
  const app = doc.OfficeApp;
  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="([a-z]+:\/\/[^"]*)"/gi)].map((m) => m[1]!);
  return { appDomains: app.AppDomains, permissions: app.Permissions, urls };
}
