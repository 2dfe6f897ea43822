// Who can open a spreadsheet: its owner, its editors and its viewers, until it is deleted.

export class SpreadsheetAccess {
  readonly editors = new Set<string>();
  readonly viewers = new Set<string>();
  /** Deleted (or in the trash): nobody can open it any more. */
  deleted = false;

  constructor(readonly owner: string) {}

  canOpen(email: string): boolean {
    if (this.deleted) return false;
    return email === this.owner || this.editors.has(email) || this.viewers.has(email);
  }
  canEdit(email: string): boolean {
    return !this.deleted && (email === this.owner || this.editors.has(email));
  }
  addEditor(email: string): void {
    if (email === this.owner) return;
    this.viewers.delete(email);
    this.editors.add(email);
  }
  /** Google: no effect on someone who already edits. */
  addViewer(email: string): void {
    if (email === this.owner || this.editors.has(email)) return;
    this.viewers.add(email);
  }
  removeEditor(email: string): void {
    this.editors.delete(email);
  }
  /** Google: no effect on an editor. */
  removeViewer(email: string): void {
    this.viewers.delete(email);
  }
  /** Takes away all access a person had (a test's "unshare"). */
  revoke(email: string): void {
    this.editors.delete(email);
    this.viewers.delete(email);
  }
}
