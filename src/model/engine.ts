// Everything the functions, the task pane and the CLI ask of one universe, computed once per universe and cached.
import { isProfitable, type ProfitBasis } from "./profitability";
import type { Outcome } from "./outcome";
import type { Universe } from "./types";
import { UniverseIndex } from "./universe-index";

export class Engine {
  readonly index: UniverseIndex;

  constructor(readonly universe: Universe) {
    this.index = new UniverseIndex(universe);
  }

  isProfitable(ticker: string, basis: ProfitBasis): Outcome<boolean> {
    const c = this.index.company(ticker);
    return c.ok ? isProfitable(c.value, basis) : c;
  }
}

const engines = new WeakMap<Universe, Engine>();

/** The engine of a universe, built on first use and shared by every caller that holds the same universe. */
export function engineFor(universe: Universe): Engine {
  let e = engines.get(universe);
  if (!e) {
    e = new Engine(universe);
    engines.set(universe, e);
  }
  return e;
}
