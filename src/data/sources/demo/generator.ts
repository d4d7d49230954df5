// The deterministic demo universe (docs/snapshot-format.md): ~2,000 fictional companies calibrated on the Russell 2000 —
// sector shares, the share of loss-makers by sector, market caps from about $150m to $7bn, five fiscal years of
// coherent fundamentals, themes from the theme table. The same options always give the same universe: no clock, no
// Math.random. Every company is fictional, and the universe says so in its provenance.
//
// How a company is made: its sector (exact counts), an industry of that sector (real SEC SIC codes), whether it has
// fundamentals and whether it loses money on trailing net income (exact counts per sector), an archetype
// (compounder, steady, cyclical, turnaround, decliner, chronic loss-maker, pre-revenue cash burner), a market cap
// from one calibrated distribution; then 24 quarters of revenue, margins, cash flows and balance sheets from which
// the trailing twelve months and the fiscal years are summed. Money in USD millions, shares in millions.
import { type Sector, SECTORS } from "../../../model/sectors";
import { themesFor } from "../../../model/theme-rules";
import type { ThemeId } from "../../../model/themes";
import { normalizeTicker } from "../../../model/tickers";
import type { Company, Universe } from "../../../model/types";
import { assembleUniverse } from "../assemble-universe";
import { quarterCalendar } from "./calendar";
import {
  DEMO_AS_OF,
  DEMO_COUNT,
  DEMO_INDEX_FACTS,
  DEMO_NO_FUNDAMENTALS_SHARE,
  DEMO_NO_VOLATILITY_SHARE,
  DEMO_SEED,
  DEMO_UNPROFITABLE_RATES,
  demoSectorCounts,
  type DemoOptions,
} from "./calibration";
import { chooseArchetype, drawCaps, type Draft } from "./drafts";
import { simulate } from "./fundamentals";
import { DEMO_INDUSTRIES, type Industry } from "./industries";
import { LETTERS, makeName, tickerCandidates } from "./names";
import { clamp, exp, log, money, pow, round, roundTo, sum } from "./numbers";
import { PROFILES } from "./profiles";
import { Rng } from "./rng";

export {
  DEMO_AS_OF,
  DEMO_COUNT,
  DEMO_INDEX_FACTS,
  DEMO_SECTOR_SHARES,
  DEMO_SEED,
  DEMO_UNPROFITABLE_RATES,
  demoSectorCounts,
  type DemoOptions,
} from "./calibration";

export function generateDemoUniverse(opts: DemoOptions = {}): Universe {
  const seed = opts.seed ?? DEMO_SEED;
  const count = opts.count ?? DEMO_COUNT;
  const asOf = opts.asOf ?? DEMO_AS_OF;
  if (!Number.isInteger(count) || count < 1 || count > 20000)
    throw new Error(`count must be a whole number from 1 to 20000 (got ${count})`);
  if (!Number.isFinite(seed)) throw new Error(`seed must be a number (got ${seed})`);
  const cal = quarterCalendar(asOf);
  const master = new Rng(seed >>> 0);

  // 1. Sectors (exact counts) and industries.
  const counts = demoSectorCounts(count);
  const sectorList = master.derive("sectors").shuffle(SECTORS.flatMap((s) => new Array<Sector>(counts[s]).fill(s)));
  const drafts: Draft[] = sectorList.map((sector, index) => {
    const list = DEMO_INDUSTRIES[sector];
    const industry = master.derive(`industry:${index}`).weighted(
      list,
      list.map((x) => x.weight),
    );
    return {
      index,
      sector,
      industry,
      profile: PROFILES[industry.profile],
      hasFundamentals: true,
      loss: false,
      archetype: "steady",
      cap: 0,
    };
  });

  // 2. Who has no fundamentals; who loses money on trailing net income (exact count per sector, by propensity).
  const noFund = master
    .derive("no-fundamentals")
    .shuffle(drafts.map((d) => d.index))
    .slice(0, round(DEMO_NO_FUNDAMENTALS_SHARE * count));
  for (const i of noFund) drafts[i]!.hasFundamentals = false;
  const lossRng = master.derive("losses");
  for (const sector of SECTORS) {
    const members = drafts.filter((d) => d.sector === sector && d.hasFundamentals);
    const k = round(DEMO_UNPROFITABLE_RATES[sector] * members.length);
    for (const j of lossRng.weightedSample(
      members.map((d) => d.profile.lossWeight),
      k,
    ))
      members[j]!.loss = true;
  }
  for (const d of drafts)
    d.archetype = chooseArchetype(
      master.derive(`archetype:${d.index}`),
      d.profile,
      d.loss,
      DEMO_UNPROFITABLE_RATES[d.sector],
    );

  // 3. Market caps: one calibrated distribution, matched to companies by a noisy score (loss-makers smaller).
  const caps = drawCaps(master.derive("caps"), count);
  const scoreRng = master.derive("cap-ranks");
  const score = drafts.map(
    (d) =>
      scoreRng.normal() +
      (d.archetype === "burner" ? -0.5 : d.loss ? -0.3 : 0.25) +
      (d.archetype === "compounder" ? 0.3 : 0),
  );
  drafts
    .map((d) => d.index)
    .sort((a, b) => score[a]! - score[b]! || a - b)
    .forEach((i, rank) => (drafts[i]!.cap = caps[rank]!));

  // 4. Names and tickers (sequential: both must be unique).
  const nameRng = master.derive("names");
  const names = new Set<string>();
  const tickers = new Set<string>();
  const identity = drafts.map((d) => {
    let made = makeName(nameRng, d);
    for (let tries = 0; names.has(made.name) && tries < 50; tries++) made = makeName(nameRng, d);
    if (names.has(made.name)) made = { ...made, name: `${made.name} ${d.index}` };
    names.add(made.name);
    let ticker = tickerCandidates(nameRng, made.root, made.suffix).find((t) => !tickers.has(normalizeTicker(t)));
    while (ticker === undefined) {
      const t = Array.from({ length: 4 }, () => LETTERS[nameRng.int(26)]).join("");
      if (!tickers.has(normalizeTicker(t))) ticker = t;
    }
    tickers.add(normalizeTicker(ticker));
    return { name: made.name, ticker };
  });

  // 5. Volatility gaps.
  const noVol = new Set(
    master
      .derive("no-volatility")
      .shuffle(drafts.map((d) => d.index))
      .slice(0, round(DEMO_NO_VOLATILITY_SHARE * count)),
  );

  // 6. Each company.
  const themeCache = new Map<Industry, ThemeId[]>();
  const themesOf = (ind: Industry): ThemeId[] => {
    let hit = themeCache.get(ind);
    if (!hit) themeCache.set(ind, (hit = themesFor(ind.sic, ind.name)));
    return hit;
  };
  const floatFactors: number[] = [];
  const companies: Company[] = drafts.map((d) => {
    const rng = master.derive(`company:${d.index}`);
    const logPrice = log(22) + 0.3 * log(d.cap / 900) + rng.normal(0, 0.7) + (d.archetype === "burner" ? -0.5 : 0);
    const price = roundTo(clamp(exp(logPrice), 3, 300), 2);
    const sharesOutstanding = roundTo(d.cap / price, 3);
    const marketCap = money(price * sharesOutstanding);
    floatFactors.push(rng.uniform(0.6, 1.0));
    const vol = d.profile.vol * pow(marketCap / 900, -0.12) * (d.loss ? 1.15 : 1) * rng.lognormal(1, 0.15);
    const sim = d.hasFundamentals ? simulate(d, sharesOutstanding, rng.derive("fundamentals"), cal) : null;
    return {
      ticker: identity[d.index]!.ticker,
      name: identity[d.index]!.name,
      cik: null,
      sector: d.sector,
      industry: d.industry.name,
      sic: d.industry.sic,
      themes: themesOf(d.industry).slice(),
      price,
      sharesOutstanding,
      marketCap,
      marketCapEstimated: false,
      weight: null,
      volatility: noVol.has(d.index) ? null : roundTo(clamp(vol, 0.12, 1.6), 3),
      membership: "R2000",
      ttm: sim ? sim.ttm : null,
      years: sim ? sim.years : [],
    };
  });

  // 7. Float-adjusted weights summing to 100 (the rounding residue goes to the largest weight).
  const floatCaps = companies.map((c, i) => (c.marketCap ?? 0) * floatFactors[i]!);
  const totalFloat = sum(floatCaps);
  companies.forEach((c, i) => (c.weight = roundTo((floatCaps[i]! / totalFloat) * 100, 5)));
  const largest = companies.reduce((best, c) => ((c.weight ?? 0) > (best.weight ?? 0) ? c : best));
  largest.weight = roundTo((largest.weight ?? 0) + 100 - sum(companies.map((c) => c.weight ?? 0)), 5);

  // Grouped by sector, alphabetical within: easy to read, and similar companies side by side gzip better.
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  companies.sort((a, b) => cmp(a.sector ?? "", b.sector ?? "") || cmp(a.ticker, b.ticker));
  return assembleUniverse({
    asOf,
    generatedAt: `${asOf}T00:00:00.000Z`,
    source: "demo",
    isDemo: true,
    notes: [
      "DEMO universe: every company in it is fictional. Names, tickers and figures are generated and describe no real company.",
      "Calibrated on the Russell 2000 (iShares IWM holdings of 10 Apr 2026): sector shares, the share of loss-makers by sector, market caps from about $150m to $7bn.",
      `Deterministic: seed ${seed}, ${count} companies; trailing twelve months to ${cal.ttmEnd}.`,
    ],
    index: { ...DEMO_INDEX_FACTS, calendar: { ...DEMO_INDEX_FACTS.calendar } },
    companies,
  });
}
