// Excel's errors in plain words, with what to do. Excel reports a failed request as an OfficeExtension.Error with a
// code ("InvalidArgument", "ItemAlreadyExists", …); the user should read what happened and how to fix it.

/** A refusal the add-in decided itself (the target area is not empty, nothing matches …): its message is final. */
export class WriteRefused extends Error {
  override name = "WriteRefused";
}

// A Map: the code comes from Excel, and a code such as "constructor" must find nothing (docs/security.md, class 8).
const BY_CODE = new Map<string, string>(
  Object.entries({
    AccessDenied: "Excel refused the change: the sheet or workbook may be protected. Unprotect it and try again.",
    InsertDeleteConflict:
      "Excel could not insert or delete rows there: a filter on the table, merged cells or another table below it is in the way. Clear the filter or move what is below, then try again.",
    InvalidOperation:
      "Excel refused the change: a table can't overlap another table or merged cells. Choose an empty area.",
    ItemAlreadyExists: "A sheet or table with that name already exists. Try again: the add-in picks a new name.",
    RequestPayloadSizeLimitExceeded:
      "The data was too large for one request to Excel on the web. Use fewer fields or rows.",
    ResponsePayloadSizeLimitExceeded: "A table was too large to read back in one request to Excel on the web.",
    ActivityLimitReached: "Excel is busy. Wait a moment and try again.",
    ServiceNotAvailable: "Excel is not answering. Wait a moment and try again.",
    GeneralException:
      "Excel could not complete the change. Try again; if it keeps failing, save the workbook and reopen it.",
  }),
);

export function describeExcelError(e: unknown): string {
  if (e instanceof WriteRefused) return e.message;
  const err = e as { code?: string; message?: string; debugInfo?: { message?: string; errorLocation?: string } };
  const plain = err?.code ? BY_CODE.get(err.code) : undefined;
  const detail = err?.debugInfo?.message ?? err?.message ?? String(e);
  if (plain) return `${plain} (Excel said: ${detail})`;
  return `Excel could not complete the change: ${detail}`;
}

/**
 * What a write throws when a request fails part-way, once it has undone what it left (a failing undo must not hide
 * the first error): the refusal in plain words. `throw await refusalAfterRollBack(e, undo)`.
 */
export async function refusalAfterRollBack(e: unknown, rollBack: () => Promise<void>): Promise<WriteRefused> {
  await rollBack().catch(() => undefined);
  return e instanceof WriteRefused ? e : new WriteRefused(`${describeExcelError(e)} Nothing was left behind.`);
}

/** context.sync() that counts its round trips, for the writers' results (and the tests and bench that read them). */
export function countedSync(ctx: Excel.RequestContext): { sync: () => Promise<void>; readonly count: number } {
  let count = 0;
  return {
    sync: async () => {
      count++;
      await ctx.sync();
    },
    get count() {
      return count;
    },
  };
}
