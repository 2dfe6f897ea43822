// The web app's answer: JSON through the Content service (guides/content), the only kind of
// output a web app may return besides HTML.

export type WebAnswer =
  | { readonly ok: true; readonly leadId: string; readonly duplicateOf?: string }
  | {
      readonly ok: false;
      readonly errors: readonly { readonly field: string; readonly message: string }[];
      /** The hourly cap, when that is why the lead was refused. */
      readonly limit?: number;
    };

export function jsonOutput(answer: WebAnswer): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify(answer)).setMimeType(
    ContentService.MimeType.JSON,
  );
}
