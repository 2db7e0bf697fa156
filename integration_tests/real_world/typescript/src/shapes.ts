// Shapes with a discriminated union, generics and an enum.
export enum Unit { Cm = 'cm', M = 'm' }
export type Shape =
  | { kind: 'circle'; r: number }
  | { kind: 'rect'; w: number; h: number };

export function area(s: Shape): number {
  switch (s.kind) {
    case 'circle': return Math.PI * s.r * s.r;
    case 'rect': return s.w * s.h;
  }
}

export class Registry<T extends { id: string }> {
  private items = new Map<string, T>();
  add(item: T): this { this.items.set(item.id, item); return this; }
  get size(): number { return this.items.size; }
  ids(): string[] { return [...this.items.keys()].sort(); }
}
