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

/** Handlebars' two compiler passes, which every environment carries and its typings leave out. */
interface CompilerPasses {
  readonly Compiler: new () => { compile(program: hbs.AST.Program, options: CompileOptions): unknown };
  readonly JavaScriptCompiler: new () => {
    compile(program: unknown, options: CompileOptions, context: undefined, asObject: true): TemplateSpecification;
  };
}

/**
 * Parses a template and generates its code now, once, as `compile` would at its first render:
 * a broken template fails at start, not inside a member's transaction, and costs one code
 * generation (`precompile` to check, then `compile`, generated it twice).
 */
export function compileNow(environment: TemplateEnvironment, source: string, options: CompileOptions) {
  const settings: CompileOptions = { data: true, ...options };
  const passes = environment as unknown as CompilerPasses;
  const program = new passes.Compiler().compile(environment.parse(source, settings), settings);
  return environment.template(new passes.JavaScriptCompiler().compile(program, settings, undefined, true));
}

/**
 * The checks `compileNow` makes, without generating code: the syntax, and the compiler's own
 * rules (here: no helper outside `knownHelpers`).
 */
export function checkCompiles(environment: TemplateEnvironment, source: string, options: CompileOptions): void {
  const settings: CompileOptions = { data: true, ...options };
  new (environment as unknown as CompilerPasses).Compiler().compile(environment.parse(source, settings), settings);
}
