// The universe: where the data comes from, its date, size and coverage (DEMO where it is the demo); reload it, or
// choose a snapshot URL, a snapshot file on disk or a holdings CSV. Every failure is said in plain words with what to do.
import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import { ArrowSyncRegular, DocumentArrowUpRegular, FolderOpenRegular, LinkRegular } from "@fluentui/react-icons";
import { useId, useRef, useState, type FormEvent } from "react";
import { IS_DEV_BUILD } from "../../data/build-flags";
import { checkSnapshotUrl, DEFAULT_MAX_BYTES } from "../../data/snapshot-fetch";
import { describeSource, STORED_FILE_LIMIT, type LoadOutcome, type UniverseStore } from "../../data/universe-store";
import { importHoldingsFile } from "../holdings-source";
import { OutcomeBar, type Outcome } from "./feedback";
import { scrubUrls } from "../../model/display-url";
import { useStyles } from "./styles";
import type { UniverseView } from "./use-universe";

type Pending = "reload" | "url" | "csv" | "file" | "demo" | null;
type Result = Outcome | null;

const fmt = (n: number) => n.toLocaleString("en-US");

export function sourceLabel(view: UniverseView): string {
  const l = view.loaded;
  if (!l) return "—";
  if (l.universe.provenance.isDemo) return "Demo universe (fictional companies)";
  return `${scrubUrls(l.universe.provenance.source)} — ${describeSource(l.source)}`;
}

export function UniversePanel({ store, view }: { store: UniverseStore; view: UniverseView }) {
  const s = useStyles();
  const headingId = useId();
  const [pending, setPending] = useState<Pending>(null);
  const [result, setResult] = useState<Result>(null);
  const [open, setOpen] = useState(false);
  const current = view.loaded?.source;
  const [url, setUrl] = useState(current?.kind === "url" ? current.url : "");
  const [urlError, setUrlError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const snapshotInput = useRef<HTMLInputElement>(null);
  const u = view.loaded?.universe;

  const report = (o: LoadOutcome, what: string, details: string[] = []) => {
    if (o.ok) {
      const p = o.loaded.universe.provenance;
      setResult({
        intent: "success",
        title: "Loaded",
        text: `${what}: ${fmt(o.loaded.universe.companies.length)} companies as of ${p.asOf}.`,
        details,
      });
    } else {
      setResult({
        intent: "error",
        title: `${what} was not loaded`,
        text: `${o.failure.message} ${store.current ? "The previous data is still in use." : ""}`.trim(),
      });
    }
  };
  const run = async (p: Pending, what: string, load: () => Promise<LoadOutcome>) => {
    setPending(p);
    setResult(null);
    try {
      report(await load(), what);
    } finally {
      setPending(null);
    }
  };

  const submitUrl = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkSnapshotUrl(url, IS_DEV_BUILD);
    if (!checked.ok) {
      setUrlError(checked.message);
      return;
    }
    setUrlError(null);
    void run("url", "The snapshot", () => store.load({ kind: "url", url: checked.url.href }));
  };

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    setPending("csv");
    setResult(null);
    try {
      const imported = await importHoldingsFile(file);
      if (!imported.ok) setResult({ intent: "error", title: `${file.name} was not loaded`, text: imported.message });
      else
        report(
          await store.loadUniverse(imported.universe, { kind: "holdings", fileName: file.name }),
          file.name,
          imported.summary.slice(1),
        );
    } catch (err) {
      setResult({ intent: "error", title: `${file.name} could not be read`, text: (err as Error).message });
    } finally {
      setPending(null);
      if (fileInput.current) fileInput.current.value = "";
    }
  };

  // A snapshot JSON from disk (what `qualis snapshot build` writes): validated by the store like any snapshot.
  const chooseSnapshot = async (file: File | undefined) => {
    if (!file) return;
    setPending("file");
    setResult(null);
    try {
      if (file.size > DEFAULT_MAX_BYTES)
        setResult({
          intent: "error",
          title: `${file.name} was not loaded`,
          text: `The file is ${(file.size / 1e6).toFixed(1)} MB, over the ${(DEFAULT_MAX_BYTES / 1e6).toFixed(0)} MB limit of a snapshot.`,
        });
      else report(await store.loadFile(await file.text(), file.name), file.name);
    } catch (err) {
      setResult({ intent: "error", title: `${file.name} could not be read`, text: (err as Error).message });
    } finally {
      setPending(null);
      if (snapshotInput.current) snapshotInput.current.value = "";
    }
  };

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>
        <Subtitle2>Universe</Subtitle2>
        {u?.provenance.isDemo && (
          <Badge appearance="filled" color="warning" aria-label="Demo data: fictional companies">
            DEMO
          </Badge>
        )}
      </h2>
      {view.starting && !u ? (
        <Spinner size="tiny" label="Loading the universe…" labelPosition="after" />
      ) : (
        <dl className={s.facts}>
          <dt className={s.factLabel}>Source</dt>
          <dd className={s.factValue} data-testid="universe-source">
            {sourceLabel(view)}
            {view.loaded?.fromCache ? " (offline copy)" : ""}
          </dd>
          <dt className={s.factLabel}>As of</dt>
          <dd className={s.factValue} data-testid="universe-asof">
            {u?.provenance.asOf ?? "—"}
          </dd>
          <dt className={s.factLabel}>Companies</dt>
          <dd className={s.factValue} data-testid="universe-count">
            {u ? fmt(u.companies.length) : "—"}
          </dd>
          <dt className={s.factLabel}>Fundamentals</dt>
          <dd className={s.factValue} data-testid="universe-coverage">
            {u
              ? `${fmt(u.provenance.coverage.withFundamentals)} of ${fmt(u.provenance.coverage.constituents)} (${Math.round((100 * u.provenance.coverage.withFundamentals) / Math.max(1, u.provenance.coverage.constituents))}%)`
              : "—"}
          </dd>
        </dl>
      )}
      {u?.provenance.isDemo && (
        <Text size={200} className={s.muted}>
          The demo companies do not exist. Tables and provenance blocks written from them say DEMO.
        </Text>
      )}
      {view.failure && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>The last load failed</MessageBarTitle>
            {describeSource(view.failure.source)}: {view.failure.message}{" "}
            {view.loaded
              ? "The previous data is still in use."
              : "No data is loaded: check the address, or use the demo universe."}
          </MessageBarBody>
        </MessageBar>
      )}
      {view.notices.map((n) => (
        <MessageBar key={n} intent="warning">
          <MessageBarBody>{n}</MessageBarBody>
        </MessageBar>
      ))}
      {result && <OutcomeBar outcome={result} />}
      <div className={s.row}>
        <Button
          icon={pending === "reload" ? <Spinner size="tiny" /> : <ArrowSyncRegular />}
          disabled={pending !== null}
          onClick={() => void run("reload", "The data", () => store.refresh())}
        >
          Reload data
        </Button>
        <Button appearance="subtle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? "Hide data sources" : "Change data source"}
        </Button>
      </div>
      {open && (
        <div className={s.stack}>
          <form onSubmit={submitUrl} className={s.stack} noValidate>
            <Field
              label="Snapshot URL"
              hint="The https:// address of a snapshot your data team publishes."
              validationMessage={urlError ?? undefined}
              validationState={urlError ? "error" : "none"}
            >
              <Input
                className={s.control}
                type="url"
                value={url}
                onChange={(_e, d) => setUrl(d.value)}
                placeholder="https://…/snapshot.json"
                contentBefore={<LinkRegular />}
              />
            </Field>
            <div className={s.row}>
              <Button
                type="submit"
                disabled={pending !== null || url.trim() === ""}
                icon={pending === "url" ? <Spinner size="tiny" /> : undefined}
              >
                Load
              </Button>
            </div>
          </form>
          <div className={s.row}>
            <input
              ref={snapshotInput}
              className={s.hiddenInput}
              type="file"
              accept=".json,application/json"
              aria-hidden="true"
              tabIndex={-1}
              data-testid="snapshot-file-input"
              onChange={(e) => void chooseSnapshot(e.target.files?.[0])}
            />
            <Button
              icon={pending === "file" ? <Spinner size="tiny" /> : <FolderOpenRegular />}
              disabled={pending !== null}
              onClick={() => snapshotInput.current?.click()}
            >
              Open snapshot file…
            </Button>
          </div>
          <Text size={200} className={s.muted}>
            A snapshot file is what <code>qualis snapshot build</code> writes. It is kept for offline use up to{" "}
            {STORED_FILE_LIMIT / 1e6} million characters; a larger one is used until Excel closes.
          </Text>
          <div className={s.row}>
            <input
              ref={fileInput}
              data-testid="holdings-file-input"
              className={s.hiddenInput}
              type="file"
              accept=".csv,text/csv"
              aria-hidden="true"
              tabIndex={-1}
              onChange={(e) => void chooseFile(e.target.files?.[0])}
            />
            <Button
              icon={pending === "csv" ? <Spinner size="tiny" /> : <DocumentArrowUpRegular />}
              disabled={pending !== null}
              onClick={() => fileInput.current?.click()}
            >
              Choose holdings CSV…
            </Button>
            {current && current.kind !== "demo" && (
              <Button
                appearance="subtle"
                disabled={pending !== null}
                onClick={() => void run("demo", "The demo universe", () => store.load({ kind: "demo" }))}
              >
                Use the demo universe
              </Button>
            )}
          </div>
          <Text size={200} className={s.muted}>
            An iShares holdings CSV gives real constituents with sectors, prices and weights, but no fundamentals.
          </Text>
        </div>
      )}
    </section>
  );
}
