// The generated Traditional tables: current with the source, and converting exactly as OpenCC with
// its whole dictionaries would.

import OpenCC from 'opencc-js';
import { readFileSync } from 'node:fs';
import {
  HANT_TABLES_FILE,
  chineseCorpus,
  hantTablesSource,
  taiwanDictionaries,
} from '../../dev/build/hantTables';
import {
  convertWith,
  stepOf,
  toTraditional,
  toTraditionalAsOpenCC,
} from '../../src/sheet/hant/convert';

describe('the generated Traditional tables', () => {
  it('are current: npm run build regenerates them when the catalogue changes', () => {
    expect(readFileSync(HANT_TABLES_FILE, 'utf8')).toBe(hantTablesSource());
  });

  it('convert every Chinese line of the source as the whole dictionaries do', () => {
    const full = taiwanDictionaries().map(stepOf);
    const differing = chineseCorpus().filter(
      (line) =>
        toTraditional(line) !== convertWith(full, line) ||
        toTraditionalAsOpenCC(line) !== convertWith(full, line, [], false),
    );
    expect(differing).toEqual([]);
  });

  it('run the steps as OpenCC runs them, where the glossary has no word', () => {
    const full = taiwanDictionaries().map(stepOf);
    const opencc = OpenCC.Converter({ from: 'cn', to: 'twp' });
    for (const sample of ['软件默认设置', '打印文件', '网络质疑', '下载视频', '鼠标和内存']) {
      expect(convertWith(full, sample)).toBe(opencc(sample));
    }
    // Without the glossary, any text converts as OpenCC does.
    for (const sample of ['决策权限', '客户反馈', '经理邮箱', '线索跟踪']) {
      expect(convertWith(full, sample, [], false)).toBe(opencc(sample));
    }
  });
});
