// Build a table: fields, filters, sort, a live count of the rows that match, and where and how to write it.
import {
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Subtitle2,
  Switch,
  Text,
} from "@fluentui/react-components";
import { TableAddRegular } from "@fluentui/react-icons";
import { useDeferredValue, useId, useMemo, useState } from "react";
import { FIELD_CATALOGUE, findField } from "../../model/catalogue";
import { engineFor } from "../../model/engine";
import { PROFIT_BASES, PROFIT_BASIS_TEXT, type ProfitBasis } from "../../model/profitability";
import { SECTORS, type Sector } from "../../model/sectors";
import { THEMES, type ThemeId } from "../../model/themes";
import type { LoadedUniverse } from "../../data/universe-store";
import { criteriaFrom, initialBuilderState, specFrom, type BuilderBox, type BuilderState } from "../builder-state";
import { insert, type ExcelRun } from "../pane-actions";
import { describeExcelError } from "../workbook/excel-failures";
import { TICKER_FIELD } from "../workbook/table-content";
import type { WriteProgress } from "../workbook/writer";
import { FieldPicker } from "./FieldPicker";
import { OutcomeBar, Progress, type Outcome } from "./feedback";
import { useStyles } from "./styles";

/** A basis as a choice in the pane: its words, capitalised. */
const basisLabel = (b: ProfitBasis) => PROFIT_BASIS_TEXT[b].charAt(0).toUpperCase() + PROFIT_BASIS_TEXT[b].slice(1);

const fmt = (n: number) => n.toLocaleString("en-US");

/** A dropdown of several choices, showing the chosen ones as text. */
function MultiPick(p: {
  label: string;
  hint: string;
  placeholder: string;
  options: { value: string; text: string }[];
  selected: string[];
  onChange: (v: string[]) => void;
  disabled: boolean;
}) {
  const s = useStyles();
  const text = new Map(p.options.map((o) => [o.value, o.text]));
  return (
    <Field label={p.label} hint={p.hint}>
      <Dropdown
        className={s.control}
        multiselect
        placeholder={p.placeholder}
        value={p.selected.map((v) => text.get(v) ?? v).join(", ")}
        selectedOptions={p.selected}
        onOptionSelect={(_e, d) => p.onChange(d.selectedOptions)}
        disabled={p.disabled}
      >
        {p.options.map((o) => (
          <Option key={o.value} value={o.value}>
            {o.text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export interface BusyProps {
  busy: string | null;
  setBusy: (what: string | null) => void;
}

export function TableBuilder({
  loaded,
  run,
  onInserted,
  busy,
  setBusy,
}: { loaded: LoadedUniverse | null; run: ExcelRun | null; onInserted: () => void } & BusyProps) {
  const s = useStyles();
  const headingId = useId();
  const [state, setState] = useState<BuilderState>(initialBuilderState);
  const [progress, setProgress] = useState<WriteProgress | null>(null);
  const [result, setResult] = useState<Outcome | null>(null);
  const set = <K extends keyof BuilderState>(k: K, v: BuilderState[K]) => setState((st) => ({ ...st, [k]: v }));

  const { criteria, errors } = useMemo(() => criteriaFrom(state), [state]);
  const deferred = useDeferredValue(criteria);
  const total = loaded?.universe.companies.length ?? 0;
  const count = useMemo(() => (loaded ? engineFor(loaded.universe).screen(deferred).length : null), [loaded, deferred]);
  const hasErrors = Object.keys(errors).length > 0;
  const working = busy !== null;

  const why = !loaded
    ? "No universe is loaded."
    : !run
      ? "Open this pane in Excel to insert tables."
      : hasErrors
        ? "Fix the boxes marked in red first."
        : count === 0
          ? "No company matches these filters."
          : null;

  const doInsert = async () => {
    if (!loaded || !run || why) return;
    setBusy("insert");
    setResult(null);
    setProgress({ done: 0, total: 1, label: "Starting…" });
    try {
      const res = await insert(run, loaded, specFrom(state, criteria), { kind: state.target }, setProgress);
      const r = res.record;
      setResult({
        intent: "success",
        title: `${r.tableName} inserted`,
        text: `${fmt(r.rows)} rows on sheet ${r.sheetName}, cells ${res.address.split("!").pop()}, ${r.output === "live" ? "as live QUALIS formulas" : "as static values with a provenance block above"}.`,
      });
      onInserted();
    } catch (e) {
      setResult({ intent: "error", title: "The table was not inserted", text: describeExcelError(e) });
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  // `inRow`: one of two boxes side by side (a column of the pane otherwise).
  const box = (k: BuilderBox, label: string, hint?: string, placeholder?: string, inRow = false) => (
    <Field
      className={inRow ? s.grow : undefined}
      label={label}
      hint={hint}
      validationMessage={errors[k]}
      validationState={errors[k] ? "error" : "none"}
    >
      <Input
        className={s.control}
        inputMode="decimal"
        value={state[k]}
        placeholder={placeholder ?? "Any"}
        onChange={(_e, d) => set(k, d.value)}
        disabled={working}
      />
    </Field>
  );

  const sortable = FIELD_CATALOGUE.filter((f) => f.name !== TICKER_FIELD);

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>
        <Subtitle2>Build a table</Subtitle2>
      </h2>
      <FieldPicker selected={state.fields} onChange={(f) => set("fields", f)} disabled={working} />

      <h3 className={s.subheading}>
        <Text weight="semibold">Filters</Text>
      </h3>
      <Switch
        label="Profitable companies only"
        checked={state.profitableOnly}
        onChange={(_e, d) => set("profitableOnly", d.checked)}
        disabled={working}
      />
      {state.profitableOnly && (
        <Field label="Profitable on">
          <Dropdown
            className={s.control}
            value={basisLabel(state.basis)}
            selectedOptions={[state.basis]}
            onOptionSelect={(_e, d) => d.optionValue && set("basis", d.optionValue as ProfitBasis)}
            disabled={working}
          >
            {PROFIT_BASES.map((b) => (
              <Option key={b} value={b}>
                {basisLabel(b)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      {box("minQuality", "Minimum quality score", "0 to 100.")}
      {box(
        "minGraduationPct",
        "Minimum graduation probability (%)",
        "The chance of moving up to the Russell 1000 at the next reconstitution.",
      )}
      <MultiPick
        label="Themes"
        hint="Companies in any of the chosen themes."
        placeholder="Any theme"
        options={THEMES.map((t) => ({ value: t.id, text: t.label }))}
        selected={state.themes}
        onChange={(v) => set("themes", v as ThemeId[])}
        disabled={working}
      />
      <MultiPick
        label="Sectors"
        hint="Companies in any of the chosen sectors."
        placeholder="Any sector"
        options={SECTORS.map((x) => ({ value: x, text: x }))}
        selected={state.sectors}
        onChange={(v) => set("sectors", v as Sector[])}
        disabled={working}
      />
      <fieldset className={s.group}>
        <legend className={s.legend}>Market cap ($ millions)</legend>
        <div className={s.row}>
          {box("capMin", "From", undefined, "No minimum", true)}
          {box("capMax", "To", undefined, "No maximum", true)}
        </div>
      </fieldset>

      <h3 className={s.subheading}>
        <Text weight="semibold">Order and size</Text>
      </h3>
      <Field label="Sort by">
        <Dropdown
          className={s.control}
          value={state.sortField ? (findField(state.sortField)?.label ?? state.sortField) : "Ticker (A–Z)"}
          selectedOptions={[state.sortField]}
          onOptionSelect={(_e, d) => set("sortField", d.optionValue ?? "")}
          disabled={working}
        >
          <Option value="">Ticker (A–Z)</Option>
          {sortable.map((f) => (
            <Option key={f.name} value={f.name}>
              {f.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {state.sortField && (
        <RadioGroup
          layout="horizontal"
          aria-label="Sort direction"
          value={state.sortDescending ? "desc" : "asc"}
          onChange={(_e, d) => set("sortDescending", d.value === "desc")}
          disabled={working}
        >
          <Radio value="desc" label={findField(state.sortField)?.kind === "number" ? "Largest first" : "Z to A"} />
          <Radio value="asc" label={findField(state.sortField)?.kind === "number" ? "Smallest first" : "A to Z"} />
        </RadioGroup>
      )}

      {box("limit", "Rows at most", "The first rows in this order; empty for all.", "All")}

      <h3 className={s.subheading}>
        <Text weight="semibold">Output</Text>
      </h3>
      <Field label="Cells hold">
        <RadioGroup
          value={state.output}
          onChange={(_e, d) => set("output", d.value as BuilderState["output"])}
          disabled={working}
        >
          <Radio value="values" label="Values: static, with a provenance block (for client tables)" />
          <Radio value="live" label="Live formulas: cells call QUALIS functions and recalculate" />
        </RadioGroup>
      </Field>
      <Field label="Put the table">
        <RadioGroup
          value={state.target}
          onChange={(_e, d) => set("target", d.value as BuilderState["target"])}
          disabled={working}
        >
          <Radio value="newSheet" label="On a new sheet" />
          <Radio value="activeCell" label="At the selected cell" />
        </RadioGroup>
      </Field>

      <Text role="status" aria-live="polite" className={s.count} data-testid="match-count">
        {count === null ? "No universe loaded" : `${fmt(count)} of ${fmt(total)} companies match`}
      </Text>
      <Button
        appearance="primary"
        icon={<TableAddRegular />}
        disabled={working || why !== null}
        onClick={() => void doInsert()}
      >
        Insert table
      </Button>
      {why && !working && (
        <Text size={200} className={s.muted}>
          {why}
        </Text>
      )}
      {progress && <Progress progress={progress} label="Writing the table" />}
      {result && <OutcomeBar outcome={result} />}
    </section>
  );
}
