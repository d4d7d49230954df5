// Runs in the page before anything else (page.addInitScript), standing in for what Excel's shared runtime gives
// an add-in and office.js alone does not: the Excel JavaScript API (the in-memory double) and the CustomFunctions
// error types the functions throw. office.js itself is the real one, served from the @microsoft/office-js package:
// it keeps any CustomFunctions object it finds and adds associate(), and in a top-level page outside Office it
// resolves Office.onReady with host null, which the pane accepts because the Excel API is present.
(function () {
  "use strict";
  if (!window.ExcelDouble) throw new Error("excel-double.js must be injected before host-init.js");
  window.ExcelDouble.install(window);

  var ErrorCode = {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  };
  class CustomFunctionsError extends Error {
    constructor(code, message) {
      super(message);
      this.name = "CustomFunctions.Error";
      this.code = code || ErrorCode.invalidValue;
    }
  }
  window.CustomFunctions = { Error: CustomFunctionsError, ErrorCode: ErrorCode };
})();
