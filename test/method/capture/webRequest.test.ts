// What a web form sent, from doPost's event: form fields, JSON, or both.

import { readWebRequest } from '../../../src/method/capture/webRequest';

describe('readWebRequest', () => {
  it('reads form fields and the spreadsheet from e.parameter', () => {
    expect(
      readWebRequest({
        parameter: { sheet: ' abc ', contact: 'A', token: 't' },
        postData: { contents: 'contact=A&token=t', type: 'application/x-www-form-urlencoded' },
      }),
    ).toEqual({ ok: true, sheetId: 'abc', fields: { sheet: ' abc ', contact: 'A', token: 't' } });
  });

  it('reads a JSON body, with the spreadsheet from the query string', () => {
    const result = readWebRequest({
      parameter: { sheet: 'abc' },
      postData: { contents: '{"contact":"A","token":"t"}', type: 'application/json' },
    });
    expect(result).toEqual({
      ok: true,
      sheetId: 'abc',
      fields: { sheet: 'abc', contact: 'A', token: 't' },
    });
  });

  it('reads JSON sent form-encoded (curl -d without a type), dropping the raw text as a field', () => {
    const body = '{"contact":"A"}';
    const result = readWebRequest({
      parameter: { sheet: 'abc', [body]: '' },
      postData: { contents: body, type: 'application/x-www-form-urlencoded' },
    });
    expect(result).toEqual({ ok: true, sheetId: 'abc', fields: { sheet: 'abc', contact: 'A' } });
  });

  it('refuses a body that claims JSON and is not a JSON object', () => {
    expect(readWebRequest({ postData: { contents: '{oops', type: 'application/json' } })).toEqual({
      ok: false,
    });
    expect(readWebRequest({ postData: { contents: '[1]', type: 'application/json' } })).toEqual({
      ok: false,
    });
  });

  it('has no spreadsheet when the address lacks ?sheet=', () => {
    expect(readWebRequest(undefined)).toEqual({ ok: true, sheetId: '', fields: {} });
  });
});
