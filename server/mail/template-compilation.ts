import Handlebars from 'handlebars';
import { compileOptions } from './template-environment.js';
import type { OutputKind, SourceFile } from './template-sources.js';

/** A file's syntax tree, or the error that stopped its parse. */
export type ParsedTemplate =
  | { readonly program: hbs.AST.Program; readonly error?: undefined }
  | { readonly program?: undefined; readonly error: unknown };

/**
 * Handlebars' first compiler pass over a file for an output kind (it refuses helpers outside
 * `knownHelpers`), with the settings it leaves for the second; or the error of either pass.
 */
export type FirstPass =
  | { readonly compiled: CompiledProgram; readonly settings: CompileOptions; readonly error?: undefined }
  | { readonly compiled?: undefined; readonly settings?: undefined; readonly error: unknown };

/** The first pass's output: opcodes the second pass turns into JavaScript. */
export interface CompiledProgram {
  readonly opcodes: readonly unknown[];
}

/** Handlebars' two compiler passes, which it exposes and its typings leave out. */
interface CompilerPasses {
  readonly Compiler: new () => { compile(program: hbs.AST.Program, options: CompileOptions): CompiledProgram };
  readonly JavaScriptCompiler: new () => {
    compile(
      program: CompiledProgram,
      options: CompileOptions,
      context: undefined,
      asObject: true,
    ): TemplateSpecification;
  };
}

const passes = Handlebars as unknown as CompilerPasses;

// Keyed by the file as read: the template check, the renderer and each of its environments
// (a shared partial serves both languages) use the same work. Parsing was most of the time the
// server spent on its templates at start, done three times over.
const parsed = new WeakMap<SourceFile, ParsedTemplate>();
const firstPasses = new WeakMap<SourceFile, Map<OutputKind, FirstPass>>();
const specs = new WeakMap<SourceFile, Map<OutputKind, TemplateSpecification>>();

/** The file's syntax tree, parsed once. Walks read it; nothing may change it. */
export function parseTemplate(file: SourceFile): ParsedTemplate {
  let result = parsed.get(file);
  if (!result) {
    try {
      result = { program: Handlebars.parse(file.source) };
    } catch (error) {
      result = { error };
    }
    parsed.set(file, result);
  }
  return result;
}

/**
 * The first compiler pass, once per file and output kind: what makes a template that parses
 * fail to compile. It rewrites parts of the tree it is given (a literal called as a helper
 * becomes a path), and walks must see the tree as written: it works on a copy.
 */
export function firstPass(file: SourceFile, kind: OutputKind): FirstPass {
  const byKind = mapOf(firstPasses, file);
  let result = byKind.get(kind);
  if (!result) {
    const { program, error } = parseTemplate(file);
    if (program) {
      // Compilation sets `data` when the template reads @-variables; the second pass reads it.
      const settings: CompileOptions = { data: true, ...compileOptions(kind) };
      try {
        result = { compiled: new passes.Compiler().compile(structuredClone(program), settings), settings };
      } catch (compileError) {
        result = { error: compileError };
      }
    } else {
      result = { error };
    }
    byKind.set(kind, result);
  }
  return result;
}

/**
 * The second pass, which generates the template's JavaScript: most of a compile's cost, so it
 * runs when a mail first needs the template. Handlebars raises no error here for a template
 * whose first pass succeeded; the caller has checked that one did.
 */
export function templateSpec(file: SourceFile, kind: OutputKind): TemplateSpecification {
  const byKind = mapOf(specs, file);
  let spec = byKind.get(kind);
  if (!spec) {
    const pass = firstPass(file, kind);
    if (!pass.compiled) throw pass.error;
    spec = new passes.JavaScriptCompiler().compile(pass.compiled, pass.settings, undefined, true);
    byKind.set(kind, spec);
  }
  return spec;
}

function mapOf<V>(maps: WeakMap<SourceFile, Map<OutputKind, V>>, file: SourceFile): Map<OutputKind, V> {
  let map = maps.get(file);
  if (!map) {
    map = new Map();
    maps.set(file, map);
  }
  return map;
}
