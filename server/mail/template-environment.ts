import Handlebars from 'handlebars';
import { type CalendarDay, formatSlashDate, toCalendarDay } from './calendar-day.js';
import type { OutputKind } from './template-sources.js';
import { formatWareki } from './wareki.js';

/** A Handlebars instance of its own: our helpers and partials never leak into another. */
export type TemplateEnvironment = typeof Handlebars;

/**
 * The helpers a template may call. Each formats a value it is given and nothing else: no helper
 * reaches outside its arguments, so a template cannot run code or read what it was not handed.
 */
export const MAIL_HELPERS = {
  /** `{{date application.createdAt}}` → 2026/11/25 */
  date: (value: unknown): string => formatDay(value, formatSlashDate),
  /** `{{wareki fields.withdrawalDate.value}}` → 令和8年12月31日 */
  wareki: (value: unknown): string => formatDay(value, formatWareki),
} as const;

export type MailHelperName = keyof typeof MAIL_HELPERS;

/** The block helpers a template may use, all built into Handlebars. */
export const BLOCK_HELPERS = ['if', 'unless', 'each', 'with'] as const;

/**
 * `knownHelpersOnly` makes a call to any other helper a compile error. `lookup` (a path chosen
 * at run time, which no check can follow) and `log` are switched off.
 */
export function compileOptions(kind: OutputKind): CompileOptions {
  return {
    knownHelpers: { date: true, wareki: true, lookup: false, log: false },
    knownHelpersOnly: true,
    // Text mail is not HTML: escaping would turn a member's "&" into "&amp;".
    noEscape: kind === 'text',
    // A missing value renders empty rather than throwing: the template check refuses unknown
    // paths before the server starts, and rendering happens inside the application's own
    // transaction, where a throw would fail the member's submission over a mail.
    strict: false,
  };
}

/**
 * A fresh Handlebars with the mail helpers. Prototype access stays blocked (the 4.7 default),
 * so `{{constructor}}` and `{{__proto__}}` render nothing.
 */
export function createTemplateEnvironment(): TemplateEnvironment {
  const environment = Handlebars.create();
  environment.unregisterHelper('lookup');
  environment.unregisterHelper('log');
  for (const [name, helper] of Object.entries(MAIL_HELPERS)) {
    // Handlebars appends its options object; a helper called without a value gets only that.
    environment.registerHelper(name, (...args: unknown[]) => (args.length < 2 ? '' : helper(args[0])));
  }
  return environment;
}

function formatDay(value: unknown, format: (day: CalendarDay) => string): string {
  const day = toCalendarDay(value);
  if (day) return format(day);
  return value === null || value === undefined ? '' : String(value);
}
