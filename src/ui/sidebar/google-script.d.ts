/** The client-side bridge HtmlService gives a sidebar (not covered by @types/google-apps-script). */
declare namespace google.script {
  interface Runner {
    withSuccessHandler(handler: (result: unknown) => void): Runner;
    withFailureHandler(handler: (error: Error) => void): Runner;
    [serverFunction: string]: ((...args: unknown[]) => void) | ((handler: never) => Runner);
  }
  const run: Runner;
  namespace host {
    function close(): void;
  }
}
