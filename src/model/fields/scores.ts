// The catalogue's scores fields (see ../catalogue.ts).
import { piotroski } from "../piotroski";
import { PILLARS } from "../pillars";
import { type FieldDef, FORMAT, count, pillarField } from "./define";

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
  count({
    name: "piotroski_f_score",
    label: "Piotroski F-score",
    group: "scores",
    description:
      "Piotroski (2000) F-score, 0–9: how many of nine accounting signals hold over the last two fiscal years (see Methodology).",
    needs: "needs at least two consecutive fiscal years",
    pick: (c) => piotroski(c)?.score ?? null,
  }),
];
