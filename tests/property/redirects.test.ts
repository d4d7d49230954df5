// Issue 17, class 9: only the final URL of a redirect chain was checked, so https → http → https loaded under
// Node. Generated chains of redirects (https or plain http hops, relative or absolute, of any length) through a
// fetch stand-in: the snapshot loads only when every hop is https and there are at most five; a refusal names the
// first bad hop, and no plain-http address is ever requested.
import fc from "fast-check";
import { fetchSnapshotText, SnapshotFetchError } from "../../src/data/snapshot-fetch";
import { show } from "./contract";
import { check, printCounts, tally } from "./runs";

jest.setTimeout(20 * 60_000);
afterAll(() => printCounts("redirects"));

const hop = fc.record({
  secure: fc.boolean(),
  host: fc.constantFrom("a.example", "b.example", "c.example"),
  path: fc.stringMatching(/^\/[a-z0-9]{1,8}$/),
  status: fc.constantFrom(301, 302, 303, 307, 308),
});

test("a redirect chain loads only if every hop is https and it has at most five", async () => {
  await check(
    "fetchSnapshotText(redirect chain)",
    fc.asyncProperty(fc.array(hop, { maxLength: 7 }), async (hops) => {
      tally("fetchSnapshotText(redirect chain)");
      const urls = hops.map((h) => `${h.secure ? "https" : "http"}://${h.host}${h.path}`);
      const requested: string[] = [];
      const fetchImpl = (async (href: string) => {
        requested.push(href);
        const i = requested.length - 1;
        if (i < hops.length) return new Response(null, { status: hops[i]!.status, headers: { location: urls[i]! } });
        return new Response('{"ok":1}', { status: 200, headers: { "content-type": "application/json" } });
      }) as typeof fetch;
      const firstHttp = hops.findIndex((h) => !h.secure);
      let result: string | Error;
      try {
        result = await fetchSnapshotText("https://start.example/s.json", { fetchImpl, redirectsByHand: true });
      } catch (e) {
        result = e as Error;
      }
      if (requested.some((u) => u.startsWith("http:"))) throw new Error(`requested plain http: ${show(requested)}`);
      if (firstHttp >= 0 && firstHttp < 5) {
        if (!(result instanceof SnapshotFetchError) || !result.message.includes(urls[firstHttp]!))
          throw new Error(`chain ${show(urls)}: ${show(result instanceof Error ? result.message : result)}`);
      } else if (hops.length > 5) {
        if (!(result instanceof SnapshotFetchError) || !/More than 5 redirects/.test(result.message))
          throw new Error(`a chain of ${hops.length} answered ${show(result)}`);
      } else if (result !== '{"ok":1}') throw new Error(`chain ${show(urls)} refused: ${show(result)}`);
    }),
  );
});
