// What a model lookup answers: a value, or a typed failure with a message for a person. The functions layer maps
// each kind to an Excel error code; the CLI prints the message or leaves the cell empty.
export type FailureKind =
  | "unknown_ticker"
  | "no_fundamentals"
  | "insufficient_data"
  | "not_member"
  | "invalid_argument"
  | "unknown_field"
  | "no_universe";

export interface Failure {
  ok: false;
  kind: FailureKind;
  message: string;
}

export type Outcome<T> = { ok: true; value: T } | Failure;

export function success<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function failure(kind: FailureKind, message: string): Failure {
  return { ok: false, kind, message };
}
