// The task pane: the universe, the templates, the table builder and the tables already written, in Office's own look.
import { Divider, FluentProvider, MessageBar, MessageBarBody, Subtitle1 } from "@fluentui/react-components";
import { useReducer, useState } from "react";
import type { UniverseStore } from "../../data/universe-store";
import type { WorkbookAccess } from "../pane-actions";
import { TableBuilder } from "./TableBuilder";
import { TablesPanel } from "./TablesPanel";
import { TemplatesPanel } from "./TemplatesPanel";
import { UniversePanel } from "./UniversePanel";
import { useStyles } from "./styles";
import { useOfficeTheme } from "./theme";
import { useUniverse } from "./use-universe";

export function App({ store, access }: { store: UniverseStore; access: WorkbookAccess }) {
  const theme = useOfficeTheme();
  return (
    <FluentProvider theme={theme}>
      <Pane store={store} access={access} />
    </FluentProvider>
  );
}

function Pane({ store, access }: { store: UniverseStore; access: WorkbookAccess }) {
  const run = access.run;
  const s = useStyles();
  const view = useUniverse(store);
  const [tablesVersion, tablesChanged] = useReducer((n: number) => n + 1, 0);
  const [busy, setBusy] = useState<string | null>(null);
  return (
    <main className={s.root}>
      <header className={s.header}>
        <Subtitle1 as="h1" className={s.title}>
          Qualis Small Caps
        </Subtitle1>
      </header>
      {access.why && (
        <MessageBar intent="info">
          <MessageBarBody>{access.why}</MessageBarBody>
        </MessageBar>
      )}
      <UniversePanel store={store} view={view} />
      <Divider />
      <TemplatesPanel loaded={view.loaded} run={run} onInserted={tablesChanged} busy={busy} setBusy={setBusy} />
      <Divider />
      <TableBuilder loaded={view.loaded} run={run} onInserted={tablesChanged} busy={busy} setBusy={setBusy} />
      <Divider />
      <TablesPanel
        run={run}
        loaded={view.loaded}
        version={tablesVersion}
        onChanged={tablesChanged}
        busy={busy}
        setBusy={setBusy}
      />
    </main>
  );
}
