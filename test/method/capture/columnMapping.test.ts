// Checking a "Map columns" choice against the sheet's header row.

import { checkMapping } from '../../../src/method/capture/columnMapping';

const HEADER = ['客户名称', 'Cell', '备注', ''];
const check = (input: unknown) => checkMapping(input, HEADER, 'Leads', 3, 'en');

describe('checkMapping', () => {
  it('maps fields given by key or by header in any language to the sheet’s spelling', () => {
    expect(check({ phone: 'cell', Need: '备注', 公司名称: '客户名称' })).toEqual({
      ok: true,
      mapping: { phone: 'Cell', need: '备注', company: '客户名称' },
    });
  });

  it('leaves out fields whose header is blank (found by name)', () => {
    expect(check({ phone: '', need: '  ' })).toEqual({ ok: true, mapping: {} });
  });

  it('names every unknown field, missing header and header chosen twice', () => {
    const result = check({ shoeSize: 'Cell', phone: 'Mobile', need: 'Cell', company: 'cell' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      '"shoeSize" is not a field of Leads',
      '"Mobile" is not a header of Leads (row 3)',
      '"Cell" is chosen for more than one field',
    ]);
  });

  it('refuses anything but an object', () => {
    expect(check(['phone']).ok).toBe(false);
    expect(check(null).ok).toBe(false);
  });
});
