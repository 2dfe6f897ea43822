// The "Import leads…" dialog: pick the tab that holds the list, see what importing it would do
// (new leads, possible duplicates, rows with problems), then import. Text from the sheet is escaped.

import type { Language } from '../sheet/language';
import { IMPORT, t } from '../sheet/text';
import { LEAD_COLUMNS } from '../sheet/tabs';
import { escapeHtml } from '../method/reminders/reminders';
import { labelIn } from '../sheet/language';

const esc = (value: unknown) => escapeHtml(String(value ?? ''));

/** The dialog's HTML (exported for tests). The browser fills in the preview it is sent. */
export function importHtml(lists: readonly string[], language: Language): string {
  const options = lists
    .map((name) => `<option value="${esc(name)}">${esc(name)}</option>`)
    .join('');
  const body =
    lists.length === 0
      ? `<p>${esc(t(language, IMPORT.noOtherTabs))}</p>`
      : `<label for="tab">${esc(t(language, IMPORT.chooseTab))}</label>
<select id="tab"><option value=""></option>${options}</select>
<div id="preview" aria-live="polite"></div>
<div id="error" class="error" role="alert"></div>`;
  return `<!DOCTYPE html><html><head><base target="_top"><meta charset="utf-8"><style>
body{font:13px/1.4 Arial,"Noto Sans SC",sans-serif;margin:12px;color:#202124}select{width:100%;margin:4px 0 10px}
.error{color:#c5221f;white-space:pre-line}ul{padding-left:18px;max-height:220px;overflow:auto}
.buttons{margin-top:12px;text-align:right}button{margin-left:8px;padding:6px 14px}
</style></head><body>
${body}
<div class="buttons"><button id="close">${esc(t(language, IMPORT.close))}</button><button id="import" disabled>${esc(t(language, IMPORT.importButton))}</button></div>
<script>
var TEXT=${scriptJson(dialogTexts(language))};
function el(tag,text){var e=document.createElement(tag);e.textContent=text;return e;}
function fill(template,values){return template.replace(/\\{(\\d+)\\}/g,function(_,i){var v=values[i];return typeof v==='number'?v.toLocaleString():String(v);});}
function fail(error){document.getElementById('error').textContent=error&&error.message?error.message:String(error);}
document.getElementById('close').onclick=function(){google.script.host.close();};
var tab=document.getElementById('tab');var button=document.getElementById('import');
if(tab){tab.onchange=function(){
  var preview=document.getElementById('preview');preview.textContent=TEXT.checking;button.disabled=true;
  document.getElementById('error').textContent='';
  if(!tab.value){preview.textContent='';return;}
  google.script.run.withFailureHandler(function(e){preview.textContent='';fail(e);}).withSuccessHandler(function(p){
    preview.textContent='';
    preview.appendChild(el('p',fill(TEXT.preview,[p.rows,p.newLeads,p.duplicates.length,p.problems.length,p.alreadyImported])));
    var list=document.createElement('ul');
    p.duplicates.forEach(function(d){list.appendChild(el('li',fill(TEXT.duplicateRow,[d.row,d.leadId])));});
    p.problems.forEach(function(x){list.appendChild(el('li',fill(TEXT.problemAt,[tab.value,x.row,TEXT.fields[x.field]||x.field,x.message])));});
    if(list.children.length)preview.appendChild(list);
    button.disabled=p.newLeads===0;
  }).previewImport(tab.value);
};}
button.onclick=function(){
  button.disabled=true;
  google.script.run.withFailureHandler(function(e){button.disabled=false;fail(e);}).withSuccessHandler(function(r){
    document.getElementById('preview').textContent=fill(TEXT.imported,[r.added,r.duplicates,r.skipped]);
  }).importLeads(tab.value);
};
</script></body></html>`;
}

/** The texts the page fills in, with `{0}`… where the numbers and names go. */
function dialogTexts(language: Language) {
  return {
    checking: t(language, IMPORT.checking),
    fields: Object.fromEntries(LEAD_COLUMNS.map((c) => [c.key, labelIn(language, c.header)])),
    preview: t(language, IMPORT.dialogPreview),
    duplicateRow: t(language, IMPORT.dialogDuplicate),
    problemAt: t(language, IMPORT.dialogProblem),
    imported: t(language, IMPORT.dialogImported),
  };
}

/** JSON safe inside a script element: no `</script>` or `<!--` can close or open anything. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function showImportPage(lists: readonly string[], language: Language): void {
  const page = HtmlService.createHtmlOutput(importHtml(lists, language))
    .setWidth(520)
    .setHeight(520);
  SpreadsheetApp.getUi().showModalDialog(page, t(language, IMPORT.dialogTitle));
}
