// A document that builds elements as plain objects and refuses every way of parsing HTML: sidebar
// code passing with it shows it never turns lead data into markup.

export class FakeText {
  constructor(readonly textContent: string) {}
}

export class FakeElement {
  readonly childNodes: (FakeElement | FakeText)[] = [];
  readonly attributes = new Map<string, string>();
  constructor(readonly tagName: string) {}

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, String(value));
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  appendChild<T extends FakeElement | FakeText>(child: T): T {
    this.childNodes.push(child);
    return child;
  }
  get textContent(): string {
    return this.childNodes.map((child) => child.textContent).join('');
  }
  set textContent(text: string) {
    this.childNodes.length = 0;
    if (text !== '') this.childNodes.push(new FakeText(text));
  }
  set innerHTML(_html: string) {
    throw new Error('innerHTML was used');
  }
  set outerHTML(_html: string) {
    throw new Error('outerHTML was used');
  }
  insertAdjacentHTML(): void {
    throw new Error('insertAdjacentHTML was used');
  }
  /** This element and every element inside it, depth first. */
  all(): FakeElement[] {
    return [this, ...this.childNodes.flatMap((c) => (c instanceof FakeElement ? c.all() : []))];
  }
  byId(id: string): FakeElement | undefined {
    return this.all().find((e) => e.getAttribute('id') === id);
  }
}

export const fakeDocument = {
  createElement: (tag: string) => new FakeElement(tag.toUpperCase()),
  createTextNode: (text: string) => new FakeText(text),
};

export const asDom = <T>(element: FakeElement) => element as unknown as T;
export const container = () => new FakeElement('DIV');
