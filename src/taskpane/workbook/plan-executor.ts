// The one executor of workbook writes. A new table (writer.ts), a template (../templates/insert.ts) and a table's
// refresh (refresh.ts) are each planned as steps — every change it queues, with its estimated JSON size — and written
// here the same way: packed in order into requests under Excel on the web's 5 MB limit, calculation suspended in
// each, every round trip counted, and a new sheet or table rolled back and refused in plain words on a failure.
import { countedSync, refusalAfterRollBack } from "./excel-failures";
import { DEFAULT_REQUEST_BUDGET } from "./payload";

export interface WriteProgress {
  /** Requests done and planned: a progress bar's value and max. */
  done: number;
  total: number;
  label: string;
}

/** One change to queue, and what it adds to the request that carries it. */
export interface PlanStep {
  bytes: number;
  run: () => void;
  /** What the progress bar says once the request holding this step is done (else the plan's label). */
  label?: string;
}

export interface WorkbookPlan {
  steps: PlanStep[];
  /**
   * What needs the first request's answers (the ids Excel gives new tables, for their records): queued with the
   * last request when there are several, else sent in a request of its own.
   */
  afterFirst?: PlanStep;
  /** What the progress bar says while writing. */
  label: string;
  /**
   * Undoes whatever the plan's requests left, after one failed; the failure is then refused in plain words. Without
   * it (a refresh changes what was there: nothing to undo) the failure is thrown as Excel gave it.
   */
  rollBack?: () => Promise<void>;
}

export interface WriteOptions {
  /** Bytes allowed per request (default 4.5 MB, under Excel on the web's 5 MB). */
  budget?: number;
  onProgress?: (p: WriteProgress) => void;
}

/** Steps in order, in requests of at most `budget` bytes (a step larger than that goes alone). */
export function packSteps(steps: readonly PlanStep[], budget: number): PlanStep[][] {
  const out: PlanStep[][] = [];
  let bytes = 0;
  for (const s of steps) {
    if (!out.length || (bytes + s.bytes > budget && out[out.length - 1]!.length > 0)) {
      out.push([]);
      bytes = 0;
    }
    out[out.length - 1]!.push(s);
    bytes += s.bytes;
  }
  return out;
}

/** One write to a workbook: the reads before it, then its plan, through one counted context.sync(). */
export class WorkbookWrite {
  readonly budget: number;
  private readonly round: ReturnType<typeof countedSync>;
  private readonly progress: (p: WriteProgress) => void;

  constructor(
    private readonly ctx: Excel.RequestContext,
    opts: WriteOptions = {},
  ) {
    this.budget = opts.budget ?? DEFAULT_REQUEST_BUDGET;
    this.round = countedSync(ctx);
    this.progress = opts.onProgress ?? (() => undefined);
  }

  /** context.sync() calls made so far. */
  get syncs(): number {
    return this.round.count;
  }

  /** Sends what was queued to read the workbook before planning (names in use, the target area). */
  async read(): Promise<void> {
    this.progress({ done: 0, total: 1, label: "Checking the workbook…" });
    await this.round.sync();
  }

  /** Writes the plan; returns the estimated bytes of each request it sent. */
  async write(plan: WorkbookPlan): Promise<number[]> {
    const requests = packSteps(plan.steps, this.budget);
    const total = requests.length + (requests.length > 1 ? 0 : 1);
    const requestBytes: number[] = [];
    let afterFirstDone = !plan.afterFirst;
    try {
      for (const [i, request] of requests.entries()) {
        this.ctx.application.suspendApiCalculationUntilNextSync();
        for (const step of request) step.run();
        let bytes = request.reduce((n, s) => n + s.bytes, 0);
        if (plan.afterFirst && i > 0 && i === requests.length - 1) {
          plan.afterFirst.run();
          afterFirstDone = true;
          bytes += plan.afterFirst.bytes;
        }
        requestBytes.push(bytes);
        await this.round.sync();
        const label = [...request].reverse().find((s) => s.label !== undefined)?.label ?? plan.label;
        this.progress({ done: i + 1, total, label });
      }
      if (!afterFirstDone && plan.afterFirst) {
        plan.afterFirst.run();
        requestBytes.push(plan.afterFirst.bytes);
        await this.round.sync();
        this.progress({ done: total, total, label: "Done" });
      }
    } catch (e) {
      if (!plan.rollBack) throw e;
      throw await refusalAfterRollBack(e, plan.rollBack);
    }
    return requestBytes;
  }
}
