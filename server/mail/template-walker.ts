import type { Localized } from '../../engine/index.js';
import { closestName } from './closest-name.js';
import type { ObjectShape, Shape } from './mail-model-shape.js';
import { itemOf, resolvePath, type Scope, textHint, VALUE } from './shape-paths.js';
import { BLOCK_HELPERS, MAIL_HELPERS } from './template-environment.js';
import type { OutputKind, SourceFile } from './template-sources.js';

type Program = hbs.AST.Program;
type Node = hbs.AST.Node;
type Expression = hbs.AST.Expression;
type PathExpression = hbs.AST.PathExpression;

/** A problem found in a template, at a line and column (1-based) of a file. */
export interface TemplateProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly message: Localized;
}

export interface WalkOptions {
  readonly kind: OutputKind;
  /** The model at the top of the template (`@root`). */
  readonly root: ObjectShape;
  readonly partials: ReadonlyMap<string, SourceFile>;
  /** The parsed partial, or undefined when it does not parse (reported on its own). */
  readonly parse: (file: SourceFile) => Program | undefined;
  readonly report: (problem: TemplateProblem) => void;
}

/** The file being walked, and the template that brought a partial in. */
interface Place {
  readonly file: SourceFile;
  readonly via: string | undefined;
  readonly partials: readonly string[];
  readonly partialBlock: { readonly program: Program; readonly scope: Scope; readonly place: Place } | undefined;
}

const HELPER_NAMES: ReadonlySet<string> = new Set(Object.keys(MAIL_HELPERS));
const BLOCK_NAMES: ReadonlySet<string> = new Set(BLOCK_HELPERS);

/**
 * Follows every path of a parsed template through the shape of the model it will be rendered
 * with, the way Handlebars resolves it at run time (`#each` and `#with` change `this`, `#if`
 * does not; partials see the context they are given), and reports each path that leads nowhere,
 * each helper that does not exist and, in HTML, each unescaped `{{{…}}}`.
 */
export function walkTemplate(file: SourceFile, program: Program, options: WalkOptions): void {
  const scope: Scope = { context: options.root, parent: undefined, locals: new Map(), data: new Map() };
  new TemplateWalker(options).program(program, scope, { file, via: undefined, partials: [], partialBlock: undefined });
}

class TemplateWalker {
  constructor(private readonly options: WalkOptions) {}

  program(program: Program, scope: Scope, place: Place): void {
    for (const statement of program.body) this.statement(statement, scope, place);
  }

  private statement(node: Node, scope: Scope, place: Place): void {
    switch (node.type) {
      case 'ContentStatement':
      case 'CommentStatement':
        break;
      case 'MustacheStatement':
        this.mustache(node as hbs.AST.MustacheStatement, scope, place);
        break;
      case 'BlockStatement':
        this.block(node as hbs.AST.BlockStatement, scope, place);
        break;
      case 'PartialStatement':
      case 'PartialBlockStatement':
        this.partial(node as hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement, scope, place);
        break;
      default:
        this.problem(place, node, 'template-unsupported', {
          ja: `${node.type}（デコレーター等）はメールテンプレートでは使えません。削除してください。`,
          en: `${node.type} (decorators and the like) cannot be used in mail templates. Remove it.`,
        });
    }
  }

  private mustache(node: hbs.AST.MustacheStatement, scope: Scope, place: Place): void {
    if (!node.escaped && this.options.kind === 'html') {
      this.problem(place, node, 'template-unescaped', {
        ja: 'HTML のテンプレートでは {{{…}}} や {{& …}} は使えません。会員の入力がそのまま HTML になります。{{…}} と書いてください。',
        en: 'HTML templates cannot use {{{…}}} or {{& …}}: member input would become HTML. Write {{…}}.',
      });
    }
    const name = calleeName(node.path);
    if (name !== undefined && (HELPER_NAMES.has(name) || node.params.length > 0 || node.hash?.pairs.length)) {
      this.helperCall(name, node, scope, place);
      return;
    }
    const resolved = this.resolveExpression(node.path, scope, place);
    if (resolved && resolved.kind !== 'value') {
      this.problem(place, node, 'template-not-text', {
        ja: `「${describe(node.path)}」は値のまとまり（${resolved.kind === 'list' ? '一覧' : 'オブジェクト'}）で、文字として出力できません。${textHint(resolved, 'ja')}`,
        en: `"${describe(node.path)}" is a ${resolved.kind === 'list' ? 'list' : 'group of values'} and cannot be written as text. ${textHint(resolved, 'en')}`,
      });
    }
  }

  /** `{{date x}}` or `(wareki x)`: a known helper with exactly one value. */
  private helperCall(
    name: string,
    node: hbs.AST.MustacheStatement | hbs.AST.SubExpression,
    scope: Scope,
    place: Place,
  ): void {
    if (!HELPER_NAMES.has(name)) {
      const near = closestName(name, HELPER_NAMES);
      this.problem(place, node, 'template-helper-unknown', {
        ja: `「${name}」というヘルパーはありません。${near ? `「${near}」の誤りではありませんか。` : ''}使えるヘルパー: ${[...HELPER_NAMES].join(', ')}。`,
        en: `There is no helper "${name}".${near ? ` Did you mean "${near}"?` : ''} Helpers: ${[...HELPER_NAMES].join(', ')}.`,
      });
    } else if (node.params.length !== 1) {
      this.problem(place, node, 'template-helper-arguments', {
        ja: `${name} には値を1つ渡してください（例: {{${name} application.createdAt}}）。`,
        en: `Give ${name} exactly one value (e.g. {{${name} application.createdAt}}).`,
      });
    }
    for (const param of node.params) this.resolveValue(param, scope, place);
    for (const pair of node.hash?.pairs ?? []) this.resolveExpression(pair.value, scope, place);
  }

  private block(node: hbs.AST.BlockStatement, scope: Scope, place: Place): void {
    const name = calleeName(node.path);
    if (name === undefined || !BLOCK_NAMES.has(name)) {
      this.problem(place, node, 'template-block-unknown', {
        ja: `{{#${describe(node.path)}}} は使えません。使えるブロック: ${BLOCK_HELPERS.map((helper) => `{{#${helper}}}`).join(', ')}（一覧の繰り返しは {{#each …}}）。`,
        en: `{{#${describe(node.path)}}} is not allowed. Blocks: ${BLOCK_HELPERS.map((helper) => `{{#${helper}}}`).join(', ')} (repeat a list with {{#each …}}).`,
      });
      return;
    }
    if (node.params.length !== 1) {
      this.problem(place, node, 'template-helper-arguments', {
        ja: `{{#${name}}} には値を1つ渡してください（例: {{#${name} targets}}）。`,
        en: `Give {{#${name}}} exactly one value (e.g. {{#${name} targets}}).`,
      });
      return;
    }
    const subject = this.resolveExpression(node.params[0]!, scope, place);
    if (node.inverse) this.program(node.inverse, scope, place);
    if (!node.program) return;
    if (name === 'if' || name === 'unless') {
      this.program(node.program, scope, place);
      return;
    }
    if (subject === undefined) return; // Already reported; its inside would only repeat it.
    if (name === 'with') {
      if (subject.kind !== 'object') {
        this.problem(place, node, 'template-with-not-object', {
          ja: `{{#with}} に渡せるのはオブジェクトだけです。「${describe(node.params[0]!)}」はそうではありません。`,
          en: `{{#with}} takes an object; "${describe(node.params[0]!)}" is not one.`,
        });
        return;
      }
      this.program(node.program, this.enter(scope, subject, node.program, [subject], new Map()), place);
      return;
    }
    const item = itemOf(subject);
    if (!item) {
      this.problem(place, node, 'template-each-not-list', {
        ja: `{{#each}} に渡せるのは一覧かオブジェクトだけです。「${describe(node.params[0]!)}」は文字の値です。`,
        en: `{{#each}} takes a list or an object; "${describe(node.params[0]!)}" is a single value.`,
      });
      return;
    }
    const data = new Map<string, Shape>([
      ['index', VALUE],
      ['first', VALUE],
      ['last', VALUE],
      ['key', VALUE],
    ]);
    this.program(node.program, this.enter(scope, item, node.program, [item, VALUE], data), place);
  }

  /** A block that changes `this`: `../` then reaches the scope it came from. */
  private enter(scope: Scope, context: Shape, program: Program, params: Shape[], data: Map<string, Shape>): Scope {
    const locals = new Map(scope.locals);
    for (const [index, name] of (program.blockParams ?? []).entries()) locals.set(name, params[index] ?? VALUE);
    return { context, parent: scope, locals, data: new Map([...scope.data, ...data]) };
  }

  private partial(node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement, scope: Scope, place: Place): void {
    const name = partialName(node.name);
    const program = node.type === 'PartialBlockStatement' ? (node as hbs.AST.PartialBlockStatement).program : undefined;
    if (name === '@partial-block') {
      if (place.partialBlock) {
        const block = place.partialBlock;
        this.program(block.program, block.scope, block.place);
      }
      return;
    }
    const file = name === undefined ? undefined : this.options.partials.get(name);
    if (name === undefined || !file) {
      if (program) {
        this.program(program, scope, place); // A missing partial block renders its own content.
        return;
      }
      const known = [...this.options.partials.keys()];
      const near = name === undefined ? undefined : closestName(name, known);
      this.problem(place, node, 'template-partial-missing', {
        ja: `${name === undefined ? '名前を式で決めるパーシャルは使えません' : `パーシャル「${name}」がありません`}。${near ? `「${near}」の誤りではありませんか。` : ''}templates/_partials/ にあるもの: ${known.join(', ') || '（なし）'}。`,
        en: `${name === undefined ? 'A partial named by an expression cannot be checked' : `There is no partial "${name}"`}.${near ? ` Did you mean "${near}"?` : ''} In templates/_partials/: ${known.join(', ') || '(none)'}.`,
      });
      return;
    }
    if (place.partials.includes(name)) return; // Recursion: each partial is followed once per chain.
    let context: Shape | undefined = scope.context;
    if (node.params.length > 0) context = this.resolveExpression(node.params[0]!, scope, place);
    if (context === undefined) return;
    if (node.hash?.pairs.length) {
      const props: Record<string, Shape> = context.kind === 'object' ? { ...context.props } : {};
      for (const pair of node.hash.pairs) props[pair.key] = this.resolveExpression(pair.value, scope, place) ?? VALUE;
      context = { kind: 'object', props };
    }
    const parsed = this.options.parse(file);
    if (!parsed) return;
    const inner: Scope = { context, parent: scope, locals: new Map(), data: scope.data };
    this.program(parsed, inner, {
      file,
      via: place.via ?? `${place.file.file}:${node.loc.start.line}:${node.loc.start.column + 1}`,
      partials: [...place.partials, name],
      partialBlock: program ? { program, scope, place } : place.partialBlock,
    });
  }

  /** A value passed to a helper: it must resolve, and to text. */
  private resolveValue(node: Expression, scope: Scope, place: Place): void {
    const shape = this.resolveExpression(node, scope, place);
    if (shape && shape.kind !== 'value') {
      this.problem(place, node, 'template-not-text', {
        ja: `「${describe(node)}」は値のまとまりで、ヘルパーには渡せません。${textHint(shape, 'ja')}`,
        en: `"${describe(node)}" is a group of values and cannot be passed to a helper. ${textHint(shape, 'en')}`,
      });
    }
  }

  /** The shape an expression stands for; undefined (after reporting) when it leads nowhere. */
  private resolveExpression(node: Expression | hbs.AST.Literal, scope: Scope, place: Place): Shape | undefined {
    switch (node.type) {
      case 'PathExpression': {
        const resolved = resolvePath(node as PathExpression, scope, this.options.root);
        if (resolved.ok) return resolved.shape;
        this.problem(place, node, 'template-unknown-value', resolved.message);
        return undefined;
      }
      case 'SubExpression': {
        const call = node as hbs.AST.SubExpression;
        this.helperCall(calleeName(call.path) ?? describe(call.path), call, scope, place);
        return VALUE;
      }
      default:
        return VALUE; // A literal: "text", 1, true, null.
    }
  }

  private problem(place: Place, node: Node, code: string, message: Localized): void {
    const via = place.via;
    this.options.report({
      file: place.file.file,
      line: node.loc?.start.line ?? 1,
      column: (node.loc?.start.column ?? 0) + 1,
      code,
      message: via ? { ja: `${message.ja}（${via} から使用）`, en: `${message.en} (used from ${via})` } : message,
    });
  }
}

function calleeName(node: Node): string | undefined {
  if (node.type === 'PathExpression') {
    const path = node as PathExpression;
    return path.data || path.depth > 0 || path.parts.length !== 1 ? undefined : path.parts[0];
  }
  return node.type === 'StringLiteral' ? (node as hbs.AST.StringLiteral).value : undefined;
}

function partialName(node: Node): string | undefined {
  if (node.type === 'PathExpression') return (node as PathExpression).original;
  if (node.type === 'StringLiteral') return (node as hbs.AST.StringLiteral).value;
  return undefined;
}

function describe(node: Node): string {
  if (node.type === 'PathExpression') return (node as PathExpression).original;
  if (node.type === 'SubExpression') return `(${describe((node as hbs.AST.SubExpression).path)} …)`;
  return String((node as hbs.AST.StringLiteral).original ?? node.type);
}
