// A faithful stand-in for the CustomFunctions global that Excel's runtime provides: the same ErrorCode values
// and an Error class carrying code and message, so functions/ can be exercised under jest.
enum ErrorCode {
  invalidValue = "#VALUE!",
  notAvailable = "#N/A",
  divisionByZero = "#DIV/0!",
  invalidNumber = "#NUM!",
  nullReference = "#NULL!",
  invalidName = "#NAME?",
  invalidReference = "#REF!",
}
class CFError extends Error {
  constructor(
    public code: ErrorCode,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}
const registry = new Map<string, unknown>();
(globalThis as Record<string, unknown>).CustomFunctions = {
  Error: CFError,
  ErrorCode,
  associate(id: string | Record<string, unknown>, fn?: unknown) {
    if (typeof id === "string") registry.set(id, fn);
    else for (const [k, v] of Object.entries(id)) registry.set(k, v);
  },
  __registry: registry,
};
