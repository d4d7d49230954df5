// The SEC fetcher's parts on their own: Retry-After read either way the HTTP spec allows, and the sliding-window
// limiter that keeps the SEC's 10 requests per second (the whole fetch runs through the CLI in tests/cli).
import { RateLimiter, retryAfterMs } from "../../../../src/data/sources/sec/fetcher";

test("Retry-After in seconds or as an HTTP date", () => {
  expect(retryAfterMs("2")).toBe(2000);
  expect(retryAfterMs("Wed, 21 Oct 2015 07:28:05 GMT", Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"))).toBe(5000);
  expect(retryAfterMs(null)).toBeNull();
  expect(retryAfterMs("soon")).toBeNull();
});

test("the limiter: a slot is held until the answer and for a window after it", async () => {
  const limiter = new RateLimiter(3, 100);
  const granted: number[] = [];
  const released: number[] = [];
  await Promise.all(
    Array.from({ length: 7 }, async () => {
      const release = await limiter.take();
      granted.push(Date.now());
      await new Promise((r) => setTimeout(r, 20)); // the request in flight
      release();
      released.push(Date.now());
    }),
  );
  // The 4th and later requests start only a full window after an earlier one was answered.
  for (let i = 3; i < 7; i++) expect(granted[i]! - released[i - 3]!).toBeGreaterThanOrEqual(99);
  expect(granted[2]! - granted[0]!).toBeLessThan(50);
});
