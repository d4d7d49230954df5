// Company drafts: what is decided about a demo company before it is simulated (sector, industry, archetype, cap).
import type { Sector } from "../../../model/sectors";
import { DEMO_MARKET_CAP } from "./calibration";
import type { Industry } from "./industries";
import { clamp, exp, log, round } from "./numbers";
import type { Profile } from "./profiles";
import type { Rng } from "./rng";

type Archetype = "compounder" | "steady" | "cyclical" | "turnaround" | "decliner" | "chronic" | "burner";

export interface Draft {
  index: number;
  sector: Sector;
  industry: Industry;
  profile: Profile;
  hasFundamentals: boolean;
  loss: boolean;
  archetype: Archetype;
  cap: number;
}

export function chooseArchetype(rng: Rng, profile: Profile, loss: boolean, sectorRate: number): Archetype {
  if (loss) {
    if (profile.kind === "bank") return rng.chance(0.8) ? "decliner" : "chronic";
    if (rng.chance(profile.burnShare)) return "burner";
    return rng.chance(clamp(0.15 + 0.35 * (1 - sectorRate), 0.08, 0.45)) ? "decliner" : "chronic";
  }
  if (rng.chance(clamp(0.4 * sectorRate, 0.03, 0.35))) return "turnaround";
  if (rng.chance(profile.cyclical ? 0.35 : 0.08)) return "cyclical";
  return rng.chance(0.35) ? "compounder" : "steady";
}

export function drawCaps(rng: Rng, count: number): number[] {
  const c = DEMO_MARKET_CAP;
  const tail = round(c.tailShare * count);
  const caps: number[] = [];
  for (let i = 0; i < count - tail; i++) {
    let x: number;
    do x = rng.lognormal(c.median, c.sigma);
    while (x < c.floor + 1 || x > c.ceiling);
    caps.push(x);
  }
  for (let i = 0; i < tail; i++) caps.push(exp(rng.uniform(log(c.ceiling), log(c.tailCeiling))));
  return caps.sort((a, b) => a - b);
}
