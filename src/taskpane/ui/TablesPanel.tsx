// The tables this add-in wrote into the workbook (from the workbook's own records), Refresh all, and what changed.
import { Badge, Button, MessageBar, MessageBarBody, Subtitle2, Text } from "@fluentui/react-components";
import { ArrowSyncRegular } from "@fluentui/react-icons";
import { useCallback, useEffect, useId, useState } from "react";
import type { LoadedUniverse } from "../../data/universe-store";
import { forget, insert, list, refreshAll, type ExcelRun } from "../pane-actions";
import { describeExcelError } from "../workbook/excel-failures";
import type { RefreshReport, TableListing } from "../workbook/refresh";
import type { WriteProgress } from "../workbook/writer";
import { OutcomeBar, Progress } from "./feedback";
import { useStyles } from "./styles";
import type { BusyProps } from "./TableBuilder";

const STATE_BADGE: Record<
  TableListing["state"],
  { text: string; color: "success" | "warning" | "danger" | "informative" } | null
> = {
  found: null,
  renamed: { text: "Renamed", color: "informative" },
  missing: { text: "Missing", color: "danger" },
  replaced: { text: "Not found", color: "warning" },
  damaged: { text: "Unreadable", color: "danger" },
};

const INTENT: Record<RefreshReport["status"], "success" | "warning" | "error"> = {
  refreshed: "success",
  skipped: "warning",
  missing: "warning",
  replaced: "warning",
  damaged: "error",
  failed: "error",
};

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function TablesPanel({
  run,
  loaded,
  version,
  onChanged,
  busy,
  setBusy,
}: { run: ExcelRun | null; loaded: LoadedUniverse | null; version: number; onChanged: () => void } & BusyProps) {
  const s = useStyles();
  const headingId = useId();
  const [tables, setTables] = useState<TableListing[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [progress, setProgress] = useState<WriteProgress | null>(null);
  const [reports, setReports] = useState<RefreshReport[] | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    if (!run) return;
    try {
      setTables(await list(run));
      setListError(null);
    } catch (e) {
      setListError(describeExcelError(e));
    }
  }, [run]);
  useEffect(() => void reload(), [reload, version]);

  const doRefresh = async () => {
    if (!run || !loaded) return;
    setBusy("refresh");
    setReports(null);
    setActionError(null);
    setProgress({ done: 0, total: 1, label: "Starting…" });
    try {
      setReports(await refreshAll(run, loaded, setProgress));
    } catch (e) {
      setActionError(describeExcelError(e));
    } finally {
      setProgress(null);
      setBusy(null);
      await reload();
    }
  };

  const act = async (what: string, fn: () => Promise<unknown>) => {
    setBusy(what);
    setActionError(null);
    try {
      await fn();
      onChanged();
    } catch (e) {
      setActionError(describeExcelError(e));
    } finally {
      setBusy(null);
    }
  };

  const refreshable = (tables ?? []).filter((t) => t.state === "found" || t.state === "renamed").length;
  const done = reports?.filter((r) => r.status === "refreshed").length ?? 0;
  const attention = (reports?.length ?? 0) - done;

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>
        <Subtitle2>Tables in this workbook</Subtitle2>
      </h2>
      {!run ? (
        <Text className={s.muted}>Open this pane in Excel to see and refresh the tables it wrote.</Text>
      ) : (
        <>
          <Button
            appearance="primary"
            icon={<ArrowSyncRegular />}
            disabled={busy !== null || !loaded || refreshable === 0}
            onClick={() => void doRefresh()}
          >
            Refresh all
          </Button>
          <Text size={200} className={s.muted}>
            Re-pulls every table below in place, from the data loaded now. Your own columns and formulas beside them
            stay.
          </Text>
          {progress && <Progress progress={progress} label="Refreshing the tables" />}
          {reports && (
            <div className={s.stack} role="status" aria-live="polite" data-testid="refresh-summary">
              <Text weight="semibold">
                {reports.length === 0
                  ? "There was nothing to refresh."
                  : `Refresh finished: ${done} refreshed${attention ? `, ${attention} need${attention === 1 ? "s" : ""} your attention` : ""}.`}
              </Text>
              {reports.map((r) => (
                <OutcomeBar key={r.key} outcome={{ intent: INTENT[r.status], title: r.tableName, text: r.message }} />
              ))}
            </div>
          )}
          {(listError || actionError) && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{listError ?? actionError}</MessageBarBody>
            </MessageBar>
          )}
          {tables && tables.length === 0 && <Text className={s.muted}>No tables yet. Build one above.</Text>}
          {tables && tables.length > 0 && (
            <ul className={s.list} aria-label="Tables the add-in wrote">
              {tables.map((t) => {
                const r = t.record;
                const badge = STATE_BADGE[t.state];
                return (
                  <li key={t.key} className={s.card} data-testid="table-item">
                    <div className={s.cardTitle}>
                      <Text weight="semibold">{t.currentName ?? r?.tableName ?? "Unknown table"}</Text>
                      {r && (
                        <Badge appearance="outline" color={r.output === "live" ? "brand" : "informative"}>
                          {r.output === "live" ? "Live" : "Values"}
                        </Badge>
                      )}
                      {badge && (
                        <Badge appearance="filled" color={badge.color}>
                          {badge.text}
                        </Badge>
                      )}
                    </div>
                    {r && (
                      <Text size={200} className={s.muted}>
                        {t.sheetName ?? r.sheetName} · {r.rows.toLocaleString("en-US")} rows · {r.columns.length}{" "}
                        columns · refreshed {when(r.refreshedAt)}
                      </Text>
                    )}
                    {t.problem && <Text size={200}>{t.problem}</Text>}
                    {(t.state === "missing" || t.state === "damaged" || t.state === "replaced") && (
                      <div className={s.row}>
                        {t.state === "missing" && r && (
                          <Button
                            size="small"
                            disabled={busy !== null || !loaded}
                            onClick={() =>
                              void act("rebuild", async () => {
                                await insert(run, loaded!, r, { kind: "newSheet" }, () => undefined);
                                await forget(run, t.key);
                              })
                            }
                          >
                            Rebuild on a new sheet
                          </Button>
                        )}
                        <Button
                          size="small"
                          appearance="subtle"
                          disabled={busy !== null}
                          onClick={() => void act("forget", () => forget(run, t.key))}
                        >
                          Forget it
                        </Button>
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
