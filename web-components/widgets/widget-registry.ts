import type { FieldPlan, FieldView, WidgetName } from '../../engine/browser.js';
import type { WidgetEntry, WidgetRenderer, WidgetTester } from './widget-types.js';

export const NOT_APPLICABLE = -1;

/**
 * A tester that gives `rank` when the predicate holds.
 * @example rankWith(10, (field) => field.name === 'reason')
 */
export function rankWith(rank: number, predicate: (field: FieldView, plan: FieldPlan) => boolean): WidgetTester {
  return (field, plan) => (predicate(field, plan) ? rank : NOT_APPLICABLE);
}

/** A predicate for the widget the definition (or the schema) resolved the field to. */
export function isWidget(name: WidgetName): (field: FieldView) => boolean {
  return (field) => field.widget === name;
}

/**
 * Field renderers picked by ranked testers: the highest rank wins, and among equal ranks the
 * entry registered last, so a site's widget replaces a built-in one of the same rank.
 */
export class WidgetRegistry {
  readonly #entries: WidgetEntry[];

  constructor(entries: readonly WidgetEntry[] = []) {
    this.#entries = [...entries];
  }

  get entries(): readonly WidgetEntry[] {
    return this.#entries;
  }

  register(entry: WidgetEntry): this {
    this.#entries.push(entry);
    return this;
  }

  pick(field: FieldView, plan: FieldPlan): WidgetRenderer | undefined {
    let best: WidgetEntry | undefined;
    let bestRank = NOT_APPLICABLE;
    for (const entry of this.#entries) {
      const rank = entry.tester(field, plan);
      if (rank >= 0 && rank >= bestRank) {
        best = entry;
        bestRank = rank;
      }
    }
    return best?.renderer;
  }
}
