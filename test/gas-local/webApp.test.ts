// A web app's doPost as Google runs it: the event built from the request, the deploying user, no
// document, and a ContentService answer.

import vm from 'node:vm';
import { LocalAppsScript } from '../../gas-local/runtime';

/** A runtime whose doPost returns what it was given and what it could see. */
function echoRuntime(
  doPost = 'return ContentService.createTextOutput(JSON.stringify(seen(e))).setMimeType(ContentService.MimeType.JSON);',
) {
  const runtime = new LocalAppsScript({ locale: 'en_US' });
  vm.runInContext(
    `function seen(e) {
       return {
         e: e,
         user: Session.getEffectiveUser().getEmail(),
         active: SpreadsheetApp.getActiveSpreadsheet() === null,
         documentLock: LockService.getDocumentLock() === null,
         documentProperties: PropertiesService.getDocumentProperties() === null,
       };
     }
     function doPost(e) { ${doPost} }`,
    runtime.context,
  );
  return runtime;
}

const seenBy = (runtime: LocalAppsScript, request: Parameters<LocalAppsScript['post']>[0]) =>
  JSON.parse(runtime.post(request).content) as { e: Record<string, unknown> } & Record<
    string,
    unknown
  >;

describe('web app posts', () => {
  it('gives form fields and query fields in e.parameter and e.parameters, the body in e.postData', () => {
    const { e } = seenBy(echoRuntime(), {
      query: { sheet: 'abc', n: ['1', '2'] },
      parameter: { contact: '王 女士', note: 'a&b=c' },
    });
    expect(e).toEqual({
      queryString: 'sheet=abc&n=1&n=2',
      parameter: { sheet: 'abc', n: '1', contact: '王 女士', note: 'a&b=c' },
      parameters: { sheet: ['abc'], n: ['1', '2'], contact: ['王 女士'], note: ['a&b=c'] },
      contextPath: '',
      contentLength: 51,
      postData: {
        contents: 'contact=%E7%8E%8B+%E5%A5%B3%E5%A3%AB&note=a%26b%3Dc',
        length: 51,
        type: 'application/x-www-form-urlencoded',
        name: 'postData',
      },
    });
  });

  it('leaves a JSON body out of e.parameter, and has no query string when the address has none', () => {
    const { e } = seenBy(echoRuntime(), { json: { contact: 'Ann' } });
    expect(e).toMatchObject({
      queryString: null,
      parameter: {},
      parameters: {},
      contentLength: 17,
      postData: { contents: '{"contact":"Ann"}', type: 'application/json', length: 17 },
    });
  });

  it('takes JSON sent form-encoded (curl -d) as a parameter name, as Google does', () => {
    const { e } = seenBy(echoRuntime(), { body: '{"a":1}' });
    expect(e.parameter).toEqual({ '{"a":1}': '' });
  });

  it('runs as the deploying user with no active spreadsheet, document lock or document properties', () => {
    const runtime = echoRuntime();
    const seen = seenBy(runtime, { user: 'owner@example.com' });
    expect(seen).toMatchObject({
      user: 'owner@example.com',
      active: true,
      documentLock: true,
      documentProperties: true,
    });
    expect(runtime.kernel.execution).toBe('webApp');
  });

  it('serves text by default and JSON when told, and counts the calls', () => {
    const text = echoRuntime("return ContentService.createTextOutput('hi').append('!');");
    expect(text.post()).toEqual({ content: 'hi!', mimeType: 'TEXT' });
    const json = echoRuntime();
    const { calls } = json.measure(() => json.post());
    expect(calls.map((c) => `${c.service}.${c.method}`)).toContain('TextOutput.setMimeType');
  });

  it('fails like Google when doPost returns nothing it can serve', () => {
    expect(() => echoRuntime('return 1;').post()).toThrow(
      'The script completed but did not return anything.',
    );
  });

  it('has no UI: getUi() throws', () => {
    expect(() => echoRuntime('SpreadsheetApp.getUi();').post()).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });
});
