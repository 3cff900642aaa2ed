import { useEffect, useSyncExternalStore } from "react";
import type { Control, FieldValues } from "react-hook-form";

// The fields a form shows right now, and so where each of its messages goes.
// Every bound field (and every custom control, through useFieldPlace) says
// which value paths it shows messages for; a message for a path goes to the
// field of that path or, failing that, of the nearest path above it
// ("features.2" to the features text box, "lines.0" to the lines' message).
// A message no field shows is the form's own, said once on top of it.

interface Entry {
  required: boolean;
}

export class FieldPlaces {
  private readonly entries = new Map<string, Entry[]>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  /** A field shows the messages of `names` from now on; the returned function takes it off. */
  add(names: readonly string[], required: boolean): () => void {
    const entry = { required };
    for (const name of names) this.entries.set(name, [...(this.entries.get(name) ?? []), entry]);
    this.changed();
    return () => {
      for (const name of names) {
        const left = (this.entries.get(name) ?? []).filter((other) => other !== entry);
        if (left.length > 0) this.entries.set(name, left);
        else this.entries.delete(name);
      }
      this.changed();
    };
  }

  /** Whether a field shows the messages of exactly `path`. */
  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** The path of the field that shows a message about `path`, if one is on the form. */
  placeOf(path: string): string | undefined {
    let candidate = path;
    for (;;) {
      if (this.entries.has(candidate)) return candidate;
      const dot = candidate.lastIndexOf(".");
      if (dot < 0) return undefined;
      candidate = candidate.slice(0, dot);
    }
  }

  /** Whether a field on the form is marked required. */
  anyRequired(): boolean {
    for (const entries of this.entries.values()) if (entries.some((entry) => entry.required)) return true;
    return false;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  snapshot = () => this.version;

  private changed() {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

const placesByControl = new WeakMap<object, FieldPlaces>();

/** The fields on screen of the form `control` belongs to. */
export function placesOf<T extends FieldValues>(control: Control<T>): FieldPlaces {
  let places = placesByControl.get(control);
  if (!places) placesByControl.set(control, (places = new FieldPlaces()));
  return places;
}

/** Re-renders when fields come and go; returns the form's places. */
export function useFieldPlaces<T extends FieldValues>(control: Control<T>): FieldPlaces {
  const places = placesOf(control);
  useSyncExternalStore(places.subscribe, places.snapshot, places.snapshot);
  return places;
}

/**
 * For a control that isn't one of the bound fields (a custom select, a list's
 * message): it shows the messages of `names`, so they are not repeated on top
 * of the form; `required` adds it to what the form's legend is about.
 */
export function useFieldPlace<T extends FieldValues>(
  control: Control<T>,
  names: string | readonly string[],
  required = false,
) {
  const key = typeof names === "string" ? names : names.join("\u0000");
  useEffect(() => placesOf(control).add(key.split("\u0000"), required), [control, key, required]);
}

type ErrorNode = { message?: unknown; type?: unknown; [key: string]: unknown };

/**
 * The messages of react-hook-form's error tree by dotted path. A list's own
 * message (react-hook-form's `root` of a field array) counts as the list's.
 */
export function errorMessages(errors: object, prefix = ""): [path: string, message: string][] {
  const found: [string, string][] = [];
  const node = errors as ErrorNode;
  if (prefix && typeof node.message === "string" && node.message && typeof node.type === "string") {
    found.push([prefix, node.message]);
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === "ref" || key === "types" || key === "message" || key === "type") continue;
    if (!child || typeof child !== "object") continue;
    const path = key === "root" && prefix ? prefix : prefix ? `${prefix}.${key}` : key;
    found.push(...errorMessages(child, path));
  }
  return found;
}
