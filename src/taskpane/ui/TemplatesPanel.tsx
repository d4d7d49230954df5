// Templates: a ready sheet for each of the three users — a screening dashboard, an allocation model, a client
// table — inserted on a new sheet over the universe loaded now, with what went where said afterwards.
import { Badge, Button, Subtitle2, Text, useArrowNavigationGroup } from "@fluentui/react-components";
import {
  ChartMultipleRegular,
  DataBarVerticalRegular,
  DocumentArrowUpRegular,
  TableSimpleRegular,
} from "@fluentui/react-icons";
import { useId, useState, type ReactElement } from "react";
import type { LoadedUniverse } from "../../data/universe-store";
import type { ExcelRun } from "../pane-actions";
import { DEMO_HAS_NO_SECOND_DATE } from "../templates/evidence";
import {
  insertEvidenceInto,
  insertTemplateInto,
  TEMPLATES,
  templatesUnsupported,
  type TemplateId,
  type TemplateResult,
} from "../templates";
import { describeExcelError } from "../workbook/excel-failures";
import type { WriteProgress } from "../workbook/writer";
import { OutcomeBar, Progress, type Outcome } from "./feedback";
import { useStyles } from "./styles";
import type { BusyProps } from "./TableBuilder";

const ICON: Record<TemplateId, ReactElement> = {
  dashboard: <ChartMultipleRegular />,
  allocation: <DataBarVerticalRegular />,
  client: <TableSimpleRegular />,
};

const fmt = (n: number) => n.toLocaleString("en-US");
const count = (n: number, what: string) => (n === 0 ? `no ${what}s` : n === 1 ? `one ${what}` : `${n} ${what}s`);
const cells = (address: string) => address.split("!").pop()!;

/** What the pane says once a template is in: where its tables and charts went, and how many requests it took. */
export function describeTemplate(title: string, r: TemplateResult): Outcome {
  const tables = r.tables.map((t) => `${t.name} (${t.role}): ${cells(t.address)}, ${fmt(t.rows)} rows`);
  const charts = r.charts.map((c) => `${c.name}: reads ${cells(c.source)}`);
  return {
    intent: "success",
    title: `${title} inserted`,
    text: `On sheet ${r.sheetName}: ${count(r.tables.length, "table")}${r.charts.length ? ` and ${count(r.charts.length, "chart")}` : ""}, in ${r.syncs} requests to Excel.`,
    details: [...r.notes, ...tables, ...charts],
  };
}

export function TemplatesPanel({
  loaded,
  run,
  onInserted,
  busy,
  setBusy,
}: { loaded: LoadedUniverse | null; run: ExcelRun | null; onInserted: () => void } & BusyProps) {
  const s = useStyles();
  const headingId = useId();
  const [progress, setProgress] = useState<WriteProgress | null>(null);
  const [result, setResult] = useState<Outcome | null>(null);
  const unsupported = run ? templatesUnsupported() : null;
  const why = !loaded ? "No universe is loaded." : !run ? "Open this pane in Excel to insert templates." : unsupported;
  const u = loaded?.universe;
  // The three buttons are one stop in the Tab order (as a toolbar is); the arrow keys move between them.
  const arrows = useArrowNavigationGroup({ axis: "vertical", circular: true });

  const doInsert = async (id: TemplateId, title: string) => {
    if (!loaded || !run || why) return;
    setBusy(`template:${id}`);
    setResult(null);
    setProgress({ done: 0, total: 1, label: "Starting…" });
    try {
      setResult(describeTemplate(title, await insertTemplateInto(run, loaded, id, setProgress)));
      onInserted();
    } catch (e) {
      setResult({ intent: "error", title: `The ${title.toLowerCase()} was not inserted`, text: describeExcelError(e) });
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  const evidenceTitle = "Evidence";
  /** Asks for the later holdings file (an input made for the purpose, so the pane keeps one file input), then inserts. */
  const doEvidence = () => {
    if (!loaded || !run || why || loaded.universe.provenance.isDemo) return;
    const input = document.createElement("input");
    input.type = "file";
    input.accept = ".csv,text/csv";
    input.onchange = async () => {
      const file = input.files?.[0];
      if (!file) return;
      setBusy("template:evidence");
      setResult(null);
      setProgress({ done: 0, total: 1, label: "Starting…" });
      try {
        const r = await insertEvidenceInto(run, loaded, await file.text(), file.name, setProgress);
        setResult(describeTemplate(evidenceTitle, r));
        onInserted();
      } catch (e) {
        setResult({ intent: "error", title: "The evidence sheet was not inserted", text: describeExcelError(e) });
      } finally {
        setBusy(null);
        setProgress(null);
      }
    };
    input.click();
  };
  const isDemo = u?.provenance.isDemo ?? false;

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>
        <Subtitle2>Templates</Subtitle2>
      </h2>
      <Text size={200} className={s.muted}>
        A ready sheet for each job, on a new sheet, over the data loaded now
        {u ? ` (${fmt(u.companies.length)} companies${u.provenance.isDemo ? ", DEMO" : ""})` : ""}. Its tables are live
        or refreshable like any other: Refresh all keeps them current.
      </Text>
      <ul className={s.list} aria-label="Templates (arrow keys move between them)" {...arrows}>
        {TEMPLATES.map((t) => (
          <li key={t.id} className={s.card} data-testid="template-item">
            <div className={s.cardTitle}>
              <Text weight="semibold">{t.title}</Text>
              <Badge appearance="outline" color="informative">
                {t.audience}
              </Badge>
            </div>
            <Text size={200}>{t.description}</Text>
            <div className={s.row}>
              <Button
                size="small"
                icon={ICON[t.id]}
                disabled={busy !== null || why !== null}
                onClick={() => void doInsert(t.id, t.title)}
              >
                Insert {t.title.toLowerCase()}
              </Button>
            </div>
          </li>
        ))}
        <li className={s.card} data-testid="evidence-item">
          <div className={s.cardTitle}>
            <Text weight="semibold">{evidenceTitle}</Text>
            <Badge appearance="outline" color="informative">
              Portfolio managers
            </Badge>
          </div>
          <Text size={200}>
            Has it paid? Quality score, each pillar, profitability and graduation probability in groups, with each
            group&apos;s price return (no dividends) from the loaded data&apos;s date to a later holdings CSV of the
            same fund that you choose; names that left, renamed tickers and splits are stated.
          </Text>
          {isDemo && (
            <Text size={200} className={s.muted} data-testid="evidence-demo">
              {DEMO_HAS_NO_SECOND_DATE}
            </Text>
          )}
          <div className={s.row}>
            <Button
              size="small"
              icon={<DocumentArrowUpRegular />}
              disabled={busy !== null || why !== null || isDemo}
              onClick={doEvidence}
            >
              Insert evidence: choose a later holdings CSV…
            </Button>
          </div>
        </li>
      </ul>
      {why && busy === null && (
        <Text size={200} className={s.muted}>
          {why}
        </Text>
      )}
      {progress && <Progress progress={progress} label="Writing the template" />}
      {result && (
        <div data-testid="template-result">
          <OutcomeBar outcome={result} multiline />
        </div>
      )}
    </section>
  );
}
