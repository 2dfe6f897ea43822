// ContentService and TextOutput: what a web app answers (reference/content). The content and its
// MIME type are kept for tests to read; nothing is served.

import { ServiceObject } from './facade';
import type { Implements } from './implements';
import type { Kernel } from './kernel';

/** Google's MimeType enum; its values print as their names. */
export const MIME_TYPES = {
  ATOM: 'ATOM',
  CSV: 'CSV',
  ICAL: 'ICAL',
  JAVASCRIPT: 'JAVASCRIPT',
  JSON: 'JSON',
  RSS: 'RSS',
  TEXT: 'TEXT',
  VCARD: 'VCARD',
  XML: 'XML',
} as const;

type MimeTypeName = keyof typeof MIME_TYPES;

type TextOutputMethods =
  | 'append'
  | 'clear'
  | 'downloadAsFile'
  | 'getContent'
  | 'getFileName'
  | 'getMimeType'
  | 'setContent'
  | 'setMimeType';

export class LocalTextOutput
  extends ServiceObject
  implements Implements<GoogleAppsScript.Content.TextOutput, TextOutputMethods>
{
  private content: string;
  /** A new TextOutput serves plain text until told otherwise. */
  private mimeType: MimeTypeName = 'TEXT';
  private fileName: string | null = null;
  constructor(kernel: Kernel, content: string) {
    super(kernel, 'TextOutput');
    this.content = content;
  }
  append(addedContent: string): LocalTextOutput {
    this.content += String(addedContent);
    return this;
  }
  clear(): LocalTextOutput {
    this.content = '';
    return this;
  }
  downloadAsFile(filename: string): LocalTextOutput {
    this.fileName = String(filename);
    return this;
  }
  getContent(): string {
    return this.content;
  }
  getFileName(): string {
    return this.fileName as string;
  }
  getMimeType(): never {
    return this.mimeType as never;
  }
  setContent(content: string): LocalTextOutput {
    this.content = String(content);
    return this;
  }
  setMimeType(mimeType: unknown): LocalTextOutput {
    const name = String(mimeType);
    if (!(name in MIME_TYPES)) throw this.kernel.error(`Invalid argument: mimeType`);
    this.mimeType = name as MimeTypeName;
    return this;
  }
  /** The served text and its type, outside any execution (for tests). */
  _served(): { content: string; mimeType: MimeTypeName } {
    return { content: this.content, mimeType: this.mimeType };
  }
}

export class LocalContentService
  extends ServiceObject
  implements Implements<GoogleAppsScript.Content.ContentService, 'createTextOutput'>
{
  readonly MimeType = MIME_TYPES;
  constructor(kernel: Kernel) {
    super(kernel, 'ContentService');
  }
  createTextOutput(content?: string): LocalTextOutput {
    return new LocalTextOutput(this.kernel, content === undefined ? '' : String(content));
  }
}
