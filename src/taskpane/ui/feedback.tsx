// The pane's ways of telling the user how something went: a titled message bar, and a progress bar with its step.
import { Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from "@fluentui/react-components";
import type { WriteProgress } from "../workbook/writer";
import { useStyles } from "./styles";

export interface Outcome {
  intent: "success" | "warning" | "error";
  title: string;
  text: string;
  /** Further lines, shown as a list under the text (e.g. what an import skipped). */
  details?: string[];
}

/**
 * Errors are announced at once (alert); the rest politely (status). `multiline` puts the text under the title from
 * the start, for outcomes whose lines are long (Fluent's automatic reflow can leave them cut off at one line).
 */
export function OutcomeBar({ outcome, multiline = false }: { outcome: Outcome; multiline?: boolean }) {
  const s = useStyles();
  return (
    <MessageBar
      intent={outcome.intent}
      role={outcome.intent === "error" ? "alert" : "status"}
      layout={multiline ? "multiline" : "auto"}
    >
      <MessageBarBody>
        <MessageBarTitle>{outcome.title}</MessageBarTitle>
        {outcome.text}
        {outcome.details && outcome.details.length > 0 && (
          <ul className={s.detailList}>
            {outcome.details.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

export function Progress({ progress, label }: { progress: WriteProgress; label: string }) {
  return (
    <Field validationMessage={progress.label} validationState="none">
      <ProgressBar value={progress.done} max={Math.max(1, progress.total)} aria-label={label} />
    </Field>
  );
}
