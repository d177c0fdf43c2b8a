import type { Localized } from '../../engine/index.js';
import { closestName } from './closest-name.js';
import type { ListShape, ObjectShape, Shape } from './mail-model-shape.js';

type PathExpression = hbs.AST.PathExpression;

/**
 * Path resolution for the template check: where a `{{a.b.c}}` leads in the shape of the model,
 * the way Handlebars looks it up at run time.
 */

export const VALUE: Shape = { kind: 'value' };

/** Where names are looked up: `this`, the enclosing contexts (`../`), block params and `@data`. */
export interface Scope {
  readonly context: Shape;
  readonly parent: Scope | undefined;
  readonly locals: ReadonlyMap<string, Shape>;
  readonly data: ReadonlyMap<string, Shape>;
}

export type Resolved =
  | { readonly ok: true; readonly shape: Shape }
  | { readonly ok: false; readonly message: Localized };

/** The shape a path stands for in a scope, or why it leads nowhere. */
export function resolvePath(path: PathExpression, scope: Scope, root: ObjectShape): Resolved {
  const parts = path.parts;
  if (path.data) {
    const [head, ...rest] = parts;
    if (head === 'root') return walk(root, rest, path, ['@root']);
    const shape = head === undefined ? undefined : scope.data.get(head);
    if (!shape) {
      return fail(
        `「${path.original}」はここでは使えません（@index, @first, @last, @key は {{#each}} の中だけ、@root はどこでも使えます）。`,
        `"${path.original}" is not available here (@index, @first, @last and @key only inside {{#each}}; @root anywhere).`,
      );
    }
    return walk(shape, rest, path, [`@${head}`]);
  }
  const explicitThis = /^(this|\.)([./]|$)/.test(path.original);
  if (path.depth === 0 && !explicitThis && parts.length > 0 && scope.locals.has(parts[0]!)) {
    return walk(scope.locals.get(parts[0]!)!, parts.slice(1), path, [parts[0]!]);
  }
  let target: Scope = scope;
  for (let level = 0; level < path.depth; level++) {
    if (!target.parent) {
      return fail(
        `「${path.original}」の ../ が多すぎます。外側にこれ以上のブロックはありません。`,
        `"${path.original}" has more ../ than there are enclosing blocks.`,
      );
    }
    target = target.parent;
  }
  return walk(target.context, parts, path, []);
}

function walk(start: Shape, parts: readonly string[], path: PathExpression, prefix: string[]): Resolved {
  let shape = start;
  const done = [...prefix];
  for (const part of parts) {
    const where = done.length === 0 ? 'ここ' : `「${done.join('.')}」`;
    const whereEn = done.length === 0 ? 'here' : `"${done.join('.')}"`;
    if (shape.kind === 'object') {
      if (Object.hasOwn(shape.props, part)) {
        shape = shape.props[part]!;
      } else {
        const reason = shape.unavailable?.[part];
        if (reason)
          return fail(
            `「${path.original}」は使えません: ${reason.ja}。`,
            `"${path.original}" cannot be used: ${reason.en}.`,
          );
        const keys = Object.keys(shape.props);
        const near = closestName(part, keys);
        return fail(
          `「${path.original}」はこのメールでは作られない値です（${where}に「${part}」はありません）。${near ? `「${[...done, near].join('.')}」の誤りではありませんか。` : ''}${where}で使える名前: ${listNames(keys)}。`,
          `"${path.original}" is not a value this mail has (${whereEn} has no "${part}").${near ? ` Did you mean "${[...done, near].join('.')}"?` : ''} Names ${whereEn}: ${listNames(keys)}.`,
        );
      }
    } else if (shape.kind === 'list') {
      if (part === 'length') shape = VALUE;
      else if (/^\d+$/.test(part)) shape = shape.item;
      else {
        return fail(
          `「${path.original}」: ${where}は一覧です。{{#each ${done.join('.') || 'this'}}} で1件ずつ取り出してください。`,
          `"${path.original}": ${whereEn} is a list. Take its items with {{#each ${done.join('.') || 'this'}}}.`,
        );
      }
    } else {
      return fail(
        `「${path.original}」: ${where}は文字の値で、「${part}」はありません。`,
        `"${path.original}": ${whereEn} is a single value and has no "${part}".`,
      );
    }
    done.push(part);
  }
  return { ok: true, shape };
}

function fail(ja: string, en: string): Resolved {
  return { ok: false, message: { ja, en } };
}

/** What `#each` gives one at a time: a list's items, or the keys an object's values all share. */
export function itemOf(shape: Shape): Shape | undefined {
  if (shape.kind === 'list') return shape.item;
  if (shape.kind !== 'object') return undefined;
  const members = Object.values(shape.props);
  if (members.length === 0 || members.some((member) => member.kind !== 'object')) return VALUE;
  const objects = members as ObjectShape[];
  const shared = Object.keys(objects[0]!.props).filter((key) =>
    objects.every((member) => Object.hasOwn(member.props, key)),
  );
  return { kind: 'object', props: Object.fromEntries(shared.map((key) => [key, objects[0]!.props[key]!])) };
}

export function textHint(shape: ObjectShape | ListShape, locale: 'ja' | 'en'): string {
  if (shape.kind === 'list')
    return locale === 'ja' ? '{{#each …}} で1件ずつ出力してください。' : 'Write its items with {{#each …}}.';
  const keys = listNames(Object.keys(shape.props));
  return locale === 'ja' ? `中の値を選んでください: ${keys}。` : `Choose one of its values: ${keys}.`;
}

export function listNames(keys: readonly string[]): string {
  return keys.length > 16 ? `${keys.slice(0, 16).join(', ')}, …` : keys.join(', ');
}
