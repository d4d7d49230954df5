// Model failures → typed Excel errors with the model's message (shown in the cell's error tooltip).
import type { Failure, FailureKind } from "../model/outcome";

const CODE_FOR: Record<FailureKind, () => CustomFunctions.ErrorCode> = {
  unknown_ticker: () => CustomFunctions.ErrorCode.notAvailable,
  no_fundamentals: () => CustomFunctions.ErrorCode.notAvailable,
  insufficient_data: () => CustomFunctions.ErrorCode.notAvailable,
  not_member: () => CustomFunctions.ErrorCode.notAvailable,
  invalid_argument: () => CustomFunctions.ErrorCode.invalidValue,
  unknown_field: () => CustomFunctions.ErrorCode.invalidValue,
  no_universe: () => CustomFunctions.ErrorCode.notAvailable,
};

export function excelError(f: Failure): CustomFunctions.Error {
  return new CustomFunctions.Error(CODE_FOR[f.kind](), f.message);
}

export function notAvailable(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
}
