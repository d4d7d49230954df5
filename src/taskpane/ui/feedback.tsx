// The pane's ways of telling the user how something went: a titled message bar, and a progress bar with its step.
import { Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from "@fluentui/react-components";
import type { WriteProgress } from "../workbook/writer";

export interface Outcome {
  intent: "success" | "warning" | "error";
  title: string;
  text: string;
}

/** Errors are announced at once (alert); the rest politely (status). */
export function OutcomeBar({ outcome }: { outcome: Outcome }) {
  return (
    <MessageBar intent={outcome.intent} role={outcome.intent === "error" ? "alert" : "status"}>
      <MessageBarBody>
        <MessageBarTitle>{outcome.title}</MessageBarTitle>
        {outcome.text}
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
