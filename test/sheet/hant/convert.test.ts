// The run-time Simplified → Traditional converter: OpenCC's Taiwan wording, the reviewed glossary,
// and pieces kept as typed.

import { foldToSimplified, toTraditional } from '../../../src/sheet/hant/convert';

describe('toTraditional', () => {
  it('converts characters and Taiwan phrases', () => {
    expect(toTraditional('销售线索信息表')).toBe('銷售線索資訊表');
    expect(toTraditional('设置表格')).toBe('設定表格');
    expect(toTraditional('导入线索')).toBe('匯入線索');
  });

  it('lets the glossary override the converter where a sales team says otherwise', () => {
    expect(toTraditional('决策权限')).toBe('決策權限');
    expect(toTraditional('联系人')).toBe('聯絡人');
    expect(toTraditional('客户反馈')).toBe('客戶回饋');
    expect(toTraditional('命名表单问题')).toBe('命名表單問題');
  });

  it('keeps the given pieces exactly as typed', () => {
    expect(toTraditional('负责人：陈丽华', ['陈丽华'])).toBe('負責人：陈丽华');
    expect(toTraditional('来自展会的线索', ['展会'])).toBe('來自展会的線索');
  });

  it('leaves text without Chinese, and private-use characters, untouched', () => {
    expect(toTraditional('Lead ID 202405001')).toBe('Lead ID 202405001');
    expect(toTraditional('线索\ue000')).toBe('線索\ue000');
  });
});

describe('foldToSimplified', () => {
  it('reads standard, Taiwan and Hong Kong forms as Simplified', () => {
    expect(foldToSimplified('線索編號')).toBe('线索编号');
    expect(foldToSimplified('聯繫人')).toBe('联系人');
    expect(foldToSimplified('abc 1-3個月')).toBe('abc 1-3个月');
  });
});
