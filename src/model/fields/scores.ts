// The catalogue's scores fields (see ../catalogue.ts).
import { MIN_PIOTROSKI_SIGNALS, piotroski } from "../piotroski";
import { PILLARS } from "../pillars";
import { type FieldDef, FORMAT, numeric, pillarField } from "./define";

export const SCORE_FIELDS: readonly FieldDef[] = [
  {
    name: "quality_score",
    label: "Quality score",
    group: "scores",
    kind: "number",
    unit: "0–100",
    description:
      "Composite quality score: 100 × the weighted mean of the available pillar scores (see Methodology); QUALIS.QUALITY_SCORE.",
    numberFormat: FORMAT.score,
    liveFormula: (ref) => `QUALIS.QUALITY_SCORE(${ref})`,
    value: (c, ctx) => ctx.qualityScore(c),
  },
  ...PILLARS.map((p) => pillarField(p.id, `${p.label} pillar`)),
  numeric(
    "0–9",
    FORMAT.score,
  )({
    name: "piotroski_f_score",
    label: "Piotroski F-score",
    group: "scores",
    description: `Piotroski (2000) F-score, 0–9: of nine accounting signals over the last two fiscal years, 9 × the share that hold among those computable (at least ${MIN_PIOTROSKI_SIGNALS}); with all nine, the count that hold (see Methodology).`,
    needs: `needs two consecutive fiscal years and at least ${MIN_PIOTROSKI_SIGNALS} of the 9 signals computable`,
    pick: (c) => piotroski(c)?.score ?? null,
  }),
];
