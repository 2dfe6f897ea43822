// The "Map columns…" dialog: one row per Leads field, a drop-down of the sheet's own headers, and a
// Save that calls mapColumns. Every text from the sheet is escaped; the page carries no data but its
// markup.

import type { ColumnMapping, HeaderLayout } from '../sheet/headers';
import type { Language } from '../sheet/language';
import { COLUMNS, t } from '../sheet/text';
import { LEAD_COLUMNS, type LeadColumnKey } from '../sheet/tabs';
import { escapeHtml } from '../method/reminders/reminders';
import { labelIn } from '../sheet/language';

const esc = (value: unknown) => escapeHtml(String(value ?? ''));

/** The dialog's HTML (exported for tests: what a person sees and what Save sends). */
export function mapColumnsHtml(
  header: readonly unknown[],
  layout: HeaderLayout<LeadColumnKey>,
  mapping: ColumnMapping,
  language: Language,
): string {
  const headers = [
    ...new Set(header.map((cell) => String(cell ?? '').trim()).filter((text) => text !== '')),
  ];
  const rows = LEAD_COLUMNS.filter((column) => !column.computed).map((column) => {
    const at = layout.index[column.key];
    const now =
      at === undefined
        ? t(language, COLUMNS.notFound)
        : t(language, COLUMNS.foundAs, String(header[at] ?? ''));
    const chosen = mapping[column.key] ?? '';
    const options = [
      `<option value="">${esc(t(language, COLUMNS.automatic))}</option>`,
      ...headers.map(
        (text) =>
          `<option value="${esc(text)}"${text === chosen ? ' selected' : ''}>${esc(text)}</option>`,
      ),
    ].join('');
    return `<tr><td><label for="f-${column.key}">${esc(labelIn(language, column.header))}</label><div class="now">${esc(now)}</div></td><td><select id="f-${column.key}" data-field="${column.key}">${options}</select></td></tr>`;
  });
  return `<!DOCTYPE html><html><head><base target="_top"><meta charset="utf-8"><style>
body{font:13px/1.4 Arial,"Noto Sans SC",sans-serif;margin:12px;color:#202124}
table{border-collapse:collapse;width:100%}td{padding:4px 6px;vertical-align:top;border-bottom:1px solid #eee}
select{width:100%}.now{color:#5f6368;font-size:11px}.error{color:#c5221f;white-space:pre-line;margin:8px 0}
.buttons{margin-top:12px;text-align:right}button{margin-left:8px;padding:6px 14px}
</style></head><body>
<p>${esc(t(language, COLUMNS.intro))}</p>
<table><thead><tr><th align="left">${esc(t(language, COLUMNS.field))}</th><th align="left">${esc(t(language, COLUMNS.yourColumn))}</th></tr></thead>
<tbody>${rows.join('')}</tbody></table>
<div id="error" class="error" role="alert"></div>
<div class="buttons"><button id="cancel">${esc(t(language, COLUMNS.cancel))}</button><button id="save">${esc(t(language, COLUMNS.save))}</button></div>
<script>
document.getElementById('cancel').onclick=function(){google.script.host.close();};
document.getElementById('save').onclick=function(){
  var mapping={};var selects=document.querySelectorAll('select[data-field]');
  for(var i=0;i<selects.length;i++){mapping[selects[i].getAttribute('data-field')]=selects[i].value;}
  var save=document.getElementById('save');save.disabled=true;save.textContent=${JSON.stringify(t(language, COLUMNS.saving))};
  google.script.run.withSuccessHandler(function(){google.script.host.close();})
    .withFailureHandler(function(error){save.disabled=false;save.textContent=${JSON.stringify(t(language, COLUMNS.save))};
      document.getElementById('error').textContent=error&&error.message?error.message:String(error);})
    .mapColumns(mapping);
};
</script></body></html>`;
}

export function showMapColumnsPage(
  header: readonly unknown[],
  layout: HeaderLayout<LeadColumnKey>,
  mapping: ColumnMapping,
  language: Language,
): void {
  const page = HtmlService.createHtmlOutput(mapColumnsHtml(header, layout, mapping, language))
    .setWidth(520)
    .setHeight(600);
  SpreadsheetApp.getUi().showModalDialog(page, t(language, COLUMNS.dialogTitle));
}
