// Finding columns by header text in either language, and naming missing required headers.

import {
  findHeaderRow,
  MissingColumnError,
  locateColumns,
  requireColumns,
} from '../../src/sheet/headers';
import {
  CONVERSION_COLUMNS,
  FOLLOWUP_COLUMNS,
  LEAD_COLUMNS,
  type LeadColumnKey,
} from '../../src/sheet/tabs';
import OpenCC from 'opencc-js';
import { labelIn } from '../../src/sheet/language';

const EN_HEADERS = LEAD_COLUMNS.map((c) => c.header.en);
const ZH_HEADERS = LEAD_COLUMNS.map((c) => c.header.zh);

describe('the Leads header row', () => {
  it('lists the SPEC §1 columns in the default order', () => {
    expect(EN_HEADERS).toEqual([
      'Lead ID',
      'Source',
      'Contact',
      'Phone / WeChat',
      'Company',
      'Need',
      'Budget',
      'Expected close',
      'Region',
      'Industry',
      'Need fit',
      'Budget fit',
      'Authority',
      'Urgency',
      'Score',
      'Grade',
      'Score breakdown',
      'Owner',
      'Assigned at',
      'First contact due',
      'First contact at',
      'Last follow-up',
      'Next follow-up due',
      'Status',
      'Possible duplicate',
      'Entered by',
      'Entered at',
    ]);
    expect(ZH_HEADERS.slice(0, 4)).toEqual(['线索编号', '来源', '联系人', '联系方式']);
    expect(ZH_HEADERS.slice(10, 17)).toEqual([
      '需求匹配度',
      '预算充足度',
      '决策权限',
      '紧急程度',
      '评分',
      '线索等级',
      '评分说明',
    ]);
  });
});

describe('locateColumns', () => {
  it('finds every column of an English header row in the default order', () => {
    const layout = locateColumns(EN_HEADERS, LEAD_COLUMNS);
    expect(layout.missing).toEqual([]);
    LEAD_COLUMNS.forEach((column, i) => expect(layout.index[column.key]).toBe(i));
  });

  it('finds every column of a Chinese header row', () => {
    const layout = locateColumns(ZH_HEADERS, LEAD_COLUMNS);
    expect(layout.missing).toEqual([]);
    LEAD_COLUMNS.forEach((column, i) => expect(layout.index[column.key]).toBe(i));
  });

  it('does not depend on column order', () => {
    const reversed = [...EN_HEADERS].reverse();
    const layout = locateColumns(reversed, LEAD_COLUMNS);
    expect(layout.index.id).toBe(EN_HEADERS.length - 1);
    expect(layout.index.enteredAt).toBe(0);
    expect(layout.missing).toEqual([]);
  });

  it('matches headers trimmed and in any case', () => {
    const layout = locateColumns(
      ['  lead id ', 'SCORE', 'Expected  Close', ' 评分说明 '],
      LEAD_COLUMNS,
    );
    expect(layout.index.id).toBe(0);
    expect(layout.index.score).toBe(1);
    expect(layout.index.expectedClose).toBe(2);
    expect(layout.index.scoreNote).toBe(3);
  });

  it('accepts a row that mixes both languages', () => {
    const layout = locateColumns(['线索编号', 'Source', '评分', 'Grade'], LEAD_COLUMNS);
    expect(layout.index).toMatchObject({ id: 0, source: 1, score: 2, grade: 3 });
  });

  it('skips user columns and counts them in the width', () => {
    const header = ['My notes', 'Lead ID', '', 'Score', 'Customer tier'];
    const layout = locateColumns(header, LEAD_COLUMNS);
    expect(layout.index.id).toBe(1);
    expect(layout.index.score).toBe(3);
    expect(layout.width).toBe(5);
    expect(Object.values(layout.index)).not.toContain(0);
    expect(Object.values(layout.index)).not.toContain(4);
  });

  it('lists the known columns the row lacks', () => {
    const header = EN_HEADERS.filter((h) => h !== 'Budget' && h !== 'Urgency');
    const layout = locateColumns(header, LEAD_COLUMNS);
    expect(layout.missing.map((c) => c.key)).toEqual(['budget', 'urgency']);
    expect(layout.index.budget).toBeUndefined();
  });

  it('takes the first of two cells with the same header', () => {
    const layout = locateColumns(['Score', 'Score'], LEAD_COLUMNS);
    expect(layout.index.score).toBe(0);
  });

  it('tells apart columns of other tabs that share a header', () => {
    const layout = locateColumns(['Lead ID', 'Time', 'Method'], FOLLOWUP_COLUMNS);
    expect(layout.index).toMatchObject({ leadId: 0, time: 1, method: 2 });
  });
});

describe('requireColumns', () => {
  const required: LeadColumnKey[] = ['id', 'needFit', 'score'];

  it('returns the index of each required column', () => {
    const layout = locateColumns(['Score', 'Need fit', 'Lead ID'], LEAD_COLUMNS);
    const columns = requireColumns(layout, required, 'Leads', 'en');
    expect(columns.id).toBe(2);
    expect(columns.needFit).toBe(1);
    expect(columns.score).toBe(0);
  });

  it('ignores missing columns that are not required', () => {
    const layout = locateColumns(['Lead ID', 'Need fit', 'Score'], LEAD_COLUMNS);
    expect(() => requireColumns(layout, required, 'Leads', 'en')).not.toThrow();
  });

  it('throws an error that names the missing header and the tab (English)', () => {
    const layout = locateColumns(['Lead ID', 'Score'], LEAD_COLUMNS);
    expect(() => requireColumns(layout, required, 'Leads', 'en')).toThrow(MissingColumnError);
    expect(() => requireColumns(layout, required, 'Leads', 'en')).toThrow(/Need fit/);
    expect(() => requireColumns(layout, required, 'Leads', 'en')).toThrow(/Leads/);
  });

  it('throws an error that names the missing header and the tab (Chinese)', () => {
    const layout = locateColumns(['线索编号', '评分'], LEAD_COLUMNS);
    expect(() => requireColumns(layout, required, '销售线索信息表', 'zh')).toThrow(/需求匹配度/);
    expect(() => requireColumns(layout, required, '销售线索信息表', 'zh')).toThrow(
      /销售线索信息表/,
    );
  });

  // Asking a tab for its name is a service call: only a message needs it.
  it('asks for the tab’s name only to name a missing column', () => {
    const asked: string[] = [];
    const tabName = () => {
      asked.push('Leads');
      return 'Leads';
    };
    requireColumns(
      locateColumns(['Lead ID', 'Need fit', 'Score'], LEAD_COLUMNS),
      required,
      tabName,
      'en',
    );
    expect(asked).toEqual([]);
    const layout = locateColumns(['Lead ID'], LEAD_COLUMNS);
    expect(() => requireColumns(layout, required, tabName, 'en')).toThrow(/Leads/);
    expect(asked).toEqual(['Leads']);
  });

  it('names every missing header at once', () => {
    const layout = locateColumns(['Contact'], LEAD_COLUMNS);
    let error: unknown;
    try {
      requireColumns(layout, required, 'Leads', 'en');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingColumnError);
    const missing = error as MissingColumnError;
    expect(missing.tabName).toBe('Leads');
    expect(missing.headers).toHaveLength(3);
    for (const header of ['Lead ID', 'Need fit', 'Score']) {
      expect(missing.message).toContain(header);
    }
  });
});

describe('locateColumns on the team’s own headers (SPEC §13.1)', () => {
  it('recognises synonyms teams use, in either language', () => {
    const layout = locateColumns(['客户名称', '手机', 'Lead Source', 'City'], LEAD_COLUMNS);
    expect(layout.index).toMatchObject({ company: 0, phone: 1, source: 2, region: 3 });
    expect(layout.foundBy).toMatchObject({ company: 'synonym', phone: 'synonym' });
  });

  it('reads full-width letters and brackets and ignores spaces and case', () => {
    const layout = locateColumns(
      ['成交金额（万）', 'Decided  At', 'ＲＥＳＵＬＴ'],
      CONVERSION_COLUMNS,
    );
    expect(layout.index).toMatchObject({ amount: 0, decidedAt: 1, result: 2 });
  });

  it('prefers the product’s own header to a synonym, and gives each cell to one field', () => {
    const layout = locateColumns(['微信', '联系方式'], LEAD_COLUMNS);
    expect(layout.index.phone).toBe(1);
    expect(Object.values(layout.index)).toEqual([1]);
  });

  it('prefers the team’s mapping to everything else', () => {
    const layout = locateColumns(['联系方式', 'Cell'], LEAD_COLUMNS, { phone: 'cell' });
    expect(layout.index.phone).toBe(1);
    expect(layout.foundBy.phone).toBe('mapped');
  });
});

describe('findHeaderRow', () => {
  it('takes the row among the first ten that names the most columns', () => {
    const rows = [
      ['Leads 2024'],
      ['', 'by marketing'],
      ['Contact', 'Phone', 'Company'],
      ['王强', '139', 'ACME'],
    ];
    expect(findHeaderRow(rows, LEAD_COLUMNS)).toBe(2);
  });

  it('takes the first row of a blank tab', () => {
    expect(findHeaderRow([], LEAD_COLUMNS)).toBe(0);
    expect(findHeaderRow([[''], ['']], LEAD_COLUMNS)).toBe(0);
  });

  it('does not look past the tenth row', () => {
    const rows = [...Array.from({ length: 10 }, () => ['note']), ['Contact', 'Phone']];
    expect(findHeaderRow(rows, LEAD_COLUMNS)).toBe(0);
  });
});

describe('headers typed in Traditional Chinese', () => {
  const key = (index: Partial<Record<string, number>>, header: readonly string[]) =>
    Object.fromEntries(Object.entries(index).map(([k, at]) => [header[at ?? -1], k]));

  it('finds every Leads column under its Traditional header, Taiwan or Hong Kong forms', () => {
    const header = LEAD_COLUMNS.map((c) => labelIn('zhHant', c.header));
    expect(header).toContain('線索編號');
    expect(locateColumns(header, LEAD_COLUMNS).missing).toEqual([]);
    const hongKong = ['線索編號', '來源', '聯繫人', '聯繫方式', '決策權限', '需求匹配度'];
    expect(key(locateColumns(hongKong, LEAD_COLUMNS).index, hongKong)).toEqual({
      線索編號: 'id',
      來源: 'source',
      聯繫人: 'contact',
      聯繫方式: 'phone',
      決策權限: 'authority',
      需求匹配度: 'needFit',
    });
  });

  it('reads the synonyms of SPEC §13.1 in Traditional, as a Taiwan team words them', () => {
    const header = [
      '姓名',
      '聯絡電話',
      '客戶名稱',
      '線索來源',
      '客戶需求',
      '預計成交日期',
      '城市',
      '建立時間',
      '建立人',
    ];
    const layout = locateColumns(header, LEAD_COLUMNS);
    expect(key(layout.index, header)).toEqual({
      姓名: 'contact',
      聯絡電話: 'phone',
      客戶名稱: 'company',
      線索來源: 'source',
      客戶需求: 'need',
      預計成交日期: 'expectedClose',
      城市: 'region',
      建立時間: 'enteredAt',
      建立人: 'enteredBy',
    });
    expect(Object.values(layout.foundBy).every((how) => how === 'synonym')).toBe(true);
  });

  it('finds every column under OpenCC’s own Taiwan, Taiwan-phrase and Hong Kong wordings', () => {
    for (const to of ['tw', 'twp', 'hk'] as const) {
      const convert = OpenCC.Converter({ from: 'cn', to });
      const header = LEAD_COLUMNS.map((c) => convert(c.header.zh));
      expect({
        to,
        missing: locateColumns(header, LEAD_COLUMNS).missing.map((c) => c.key),
      }).toEqual({ to, missing: [] });
    }
    expect(OpenCC.Converter({ from: 'cn', to: 'twp' })('决策权限')).toBe('決策許可權');
  });

  it('finds a Traditional header row under title rows', () => {
    const rows = [['2024 年銷售線索'], [], LEAD_COLUMNS.map((c) => labelIn('zhHant', c.header))];
    expect(findHeaderRow(rows, LEAD_COLUMNS)).toBe(2);
  });
});
