// Wraps each local object the way Apps Script presents its services: only the public methods are
// visible, every call is counted (and may be failed), and objects pass in and out wrapped.

import { MESSAGES } from './errors';
import type { Kernel } from './kernel';

const toFacade = new WeakMap<object, object>();
/** Each class's public method names, worked out once: every range a script makes asks. */
const methodsByPrototype = new WeakMap<object, ReadonlySet<string>>();
const toTarget = new WeakMap<object, object>();

/** A local object that appears to the script as an Apps Script service object. */
export abstract class ServiceObject {
  protected constructor(
    protected readonly kernel: Kernel,
    private readonly serviceName: string,
  ) {}

  /**
   * Names of the methods scripts may call: every method of the class chain except the
   * constructor and internals, which are named with a leading underscore.
   */
  protected publicMethods(): ReadonlySet<string> {
    const prototype = Object.getPrototypeOf(this) as object;
    let names = methodsByPrototype.get(prototype);
    if (!names) methodsByPrototype.set(prototype, (names = this.methodNames()));
    return names;
  }

  private methodNames(): ReadonlySet<string> {
    const names = new Set<string>();
    for (
      let p = Object.getPrototypeOf(this);
      p && p !== ServiceObject.prototype;
      p = Object.getPrototypeOf(p)
    ) {
      for (const name of Object.getOwnPropertyNames(p)) {
        if (name !== 'constructor' && !name.startsWith('_') && typeof p[name] === 'function')
          names.add(name);
      }
    }
    return names;
  }

  /** The sheet this object belongs to, for per-sheet call counts. */
  protected _sheetName(): string | undefined {
    return undefined;
  }

  /**
   * Checks, as each call reaches Google, that the object can still serve `method` (a range whose
   * rows a person deleted since it was made); throws the platform's error when it cannot.
   */
  _beforeEachCall(method: string): void {
    void method;
  }

  /** The object as the script sees it. */
  _facade<T>(): T {
    let proxy = toFacade.get(this);
    if (!proxy) {
      proxy = makeFacade(this, this.kernel, this.serviceName, this.publicMethods(), () =>
        this._sheetName(),
      );
      toFacade.set(this, proxy);
      toTarget.set(proxy, this);
    }
    return proxy as T;
  }
}

/** The local object behind a facade (or the value itself when it is not one). */
export function unwrap<T>(value: T): T {
  // Arrays of service objects (rules, ranges) are unwrapped; arrays of cell values pass as they are.
  if (Array.isArray(value)) {
    return value.some((v) => typeof v === 'object' && v !== null && toTarget.has(v))
      ? (value.map(unwrap) as T)
      : value;
  }
  return (
    (typeof value === 'object' && value !== null ? (toTarget.get(value) as T) : undefined) ?? value
  );
}

function wrapResult(value: unknown): unknown {
  if (value instanceof ServiceObject) return value._facade();
  if (Array.isArray(value) && value.some((v) => v instanceof ServiceObject))
    return value.map(wrapResult);
  return value;
}

function makeFacade(
  target: ServiceObject,
  kernel: Kernel,
  service: string,
  methods: ReadonlySet<string>,
  sheet: () => string | undefined,
): object {
  const constants = target as unknown as Record<string, unknown>;
  const offered = (property: string) =>
    methods.has(property) &&
    (kernel.absentMethods.size === 0 || !kernel.absentMethods.has(`${service}.${property}`));
  return new Proxy(Object.create(null) as object, {
    get(_, property) {
      if (typeof property !== 'string') return undefined;
      if (offered(property)) {
        const method = constants[property];
        if (typeof method !== 'function') {
          return () => {
            throw kernel.error(MESSAGES.notImplemented(`${service}.${property}`));
          };
        }
        return (...args: unknown[]) => {
          kernel.enter({ service, method: property, sheet: sheet() });
          return kernel.serve(() => {
            target._beforeEachCall(property);
            return wrapResult(
              (method as (...a: unknown[]) => unknown).apply(target, args.map(unwrap)),
            );
          });
        };
      }
      // Enums such as ScriptApp.AuthMode are plain properties, uncounted.
      if (/^[A-Z]/.test(property) && property in target) return constants[property];
      return undefined;
    },
    has: (_, property) => typeof property === 'string' && offered(property),
    ownKeys: () => [...methods].filter(offered),
    getOwnPropertyDescriptor: (_, property) =>
      typeof property === 'string' && offered(property)
        ? { configurable: true, enumerable: true, writable: false, value: undefined }
        : undefined,
    set: () => false,
  });
}
