// The analysis page keeps every text as text: markup in a label or a table cell never runs.

import type { AnalysisSheetContent } from '../../src/method/analysis/analysisSheet';
import { analysisHtml, escapeHtml } from '../../dev/apps/analysisHtml';

const HOSTILE = '<script>alert(1)</script>';

/** A tab with a title, and one table whose label is markup. */
const content: AnalysisSheetContent = {
  rows: [
    ['Conversion analysis', '', ''],
    ['', '', ''],
    ['Conversion by source channel', '', ''],
    ['Source', 'Leads', 'Rate'],
    [HOSTILE, 4, 0.25],
  ],
  percentCells: [[5, 3]],
  titleRows: [1, 3],
  headerRows: [4],
};

describe('analysisHtml', () => {
  it('escapes markup in table cells and chart labels', () => {
    const chart = { title: HOSTILE, labels: [HOSTILE], values: [0.25], percent: true };
    const html = analysisHtml(content, [chart], 'en');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows rates as percentages with one decimal', () => {
    expect(analysisHtml(content, [], 'en')).toContain('<td class="num">25.0%</td>');
  });

  it('scales a rate chart to its data, not to 100%, and shows an empty group as —', () => {
    const chart = {
      title: 'Rates',
      labels: ['a', 'b', 'c'],
      values: [0.05, 0.02, NaN],
      percent: true,
    };
    const html = analysisHtml(content, [chart], 'en');
    // 5% plus a tenth of headroom rounds up to 6%: the ticks run 0%, 1.5%, 3%, 4.5%, 6%.
    expect(html).toContain('>6%</text>');
    expect(html).toContain('>1.5%</text>');
    expect(html).not.toContain('>100%</text>');
    expect(html).toContain('>—</text>');
    expect(html).toContain('>5.0%</text>');
  });

  it('asks for nothing outside the page', () => {
    expect(analysisHtml(content, [], 'zh')).not.toMatch(/(?:src|href)=|url\(|https?:/);
  });

  it('escapes quotes too, so text is safe inside attributes', () => {
    expect(escapeHtml(`"a" & 'b'`)).toBe('&quot;a&quot; &amp; &#39;b&#39;');
  });
});
