import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import type { EditorView, Tooltip } from '@codemirror/view';
import type { SyntaxNode } from '@lezer/common';
import {
  descriptionAt,
  type JsonPath,
  keySuggestions,
  type SchemaNode,
  valueSuggestions,
} from './meta-schema-lookup.js';

/** Where the cursor is, as completion sees it: typing a key of an object, or a value of a key. */
type Place =
  | {
      readonly kind: 'key';
      readonly object: SyntaxNode;
      /** The property whose key is being typed, if any: not one of the object's keys yet. */
      readonly typing: SyntaxNode | undefined;
      readonly quoted: boolean;
      readonly from: number;
      readonly to: number;
    }
  | {
      readonly kind: 'value';
      readonly property: SyntaxNode;
      readonly quoted: boolean;
      readonly from: number;
      readonly to: number;
    };

/**
 * Completes the keys an object may have and the values a key may take, from the JSON Schema
 * (the meta-schema) and the document's syntax tree, which holds up while the text is half typed.
 * Required keys come first; each shows its description.
 */
export function schemaCompletion(schema: SchemaNode): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const place = placeAt(context.state, context.pos);
    if (!place) return null;
    const doc = context.state.doc;
    if (place.kind === 'key') {
      const path = pathOf(doc.toString(), place.object);
      const siblings = siblingsOf(doc.toString(), place.object, place.typing);
      const options: Completion[] = keySuggestions(schema, path, siblings).map((suggestion) => ({
        label: suggestion.key,
        // Inside quotes already typed, the key alone; on empty ground, the whole `"key": `.
        apply: place.quoted ? suggestion.key : `${JSON.stringify(suggestion.key)}: `,
        type: 'property',
        boost: suggestion.required ? 1 : 0,
        ...(suggestion.description ? { info: suggestion.description } : {}),
      }));
      return options.length === 0 && !context.explicit
        ? null
        : { from: place.from, to: place.to, options, filter: true };
    }
    const name = propertyName(doc.toString(), place.property);
    if (name === undefined) return null;
    const path = [...pathOf(doc.toString(), place.property.parent!), name];
    const values = valueSuggestions(schema, path);
    // Inside a string, only strings fit, written without their quotes; elsewhere, any JSON value.
    const options: Completion[] = (place.quoted ? values.filter((value) => typeof value === 'string') : values).map(
      (value) => ({
        label: place.quoted ? String(value) : JSON.stringify(value),
        type: typeof value === 'string' ? 'enum' : 'keyword',
      }),
    );
    return options.length === 0 ? null : { from: place.from, to: place.to, options, filter: true };
  };
}

/** The description of the key under the pointer, as a hover tooltip (text only). */
export function schemaHover(schema: SchemaNode) {
  return (view: EditorView, pos: number): Tooltip | null => {
    const node = syntaxTree(view.state).resolveInner(pos, 1);
    if (node.name !== 'PropertyName' || !node.parent) return null;
    const text = view.state.doc.toString();
    const name = propertyName(text, node.parent);
    if (name === undefined || !node.parent.parent) return null;
    const description = descriptionAt(schema, [...pathOf(text, node.parent.parent), name]);
    if (!description) return null;
    return {
      pos: node.from,
      end: node.to,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'cm-schema-hover';
        dom.textContent = description;
        return { dom };
      },
    };
  };
}

function placeAt(state: EditorState, pos: number): Place | undefined {
  const node = syntaxTree(state).resolveInner(pos, -1);
  const text = state.doc.sliceString(node.from, node.to);
  // Within the quotes of a string: completion replaces what is between them.
  const inside = { from: node.from + 1, to: node.to - (text.length > 1 && text.endsWith('"') ? 1 : 0) };
  if (node.name === 'PropertyName' && node.parent?.parent?.name === 'Object' && pos > node.from) {
    return { kind: 'key', object: node.parent.parent, typing: node.parent, quoted: true, ...inside };
  }
  if (node.name === 'String' && node.parent?.name === 'Property' && pos > node.from) {
    return { kind: 'value', property: node.parent, quoted: true, ...inside };
  }
  if (node.name === 'Object' || (node.name === '⚠' && node.parent?.name === 'Object')) {
    const object = node.name === 'Object' ? node : node.parent!;
    return { kind: 'key', object, typing: undefined, quoted: false, from: pos, to: pos };
  }
  // After `"key":` with no value yet (the cursor on the colon or in the space after it).
  const property = node.name === ':' ? node.parent : node.name === 'Property' ? node : null;
  const colon = property?.getChild(':');
  const nothingAfter = property?.lastChild === colon || property?.lastChild?.name === '⚠';
  if (property?.name === 'Property' && colon && colon.to <= pos && nothingAfter) {
    return { kind: 'value', property, quoted: false, from: pos, to: pos };
  }
  return undefined;
}

/** The keys and indexes from the root down to a value node (an Object or Array). */
function pathOf(text: string, value: SyntaxNode): JsonPath {
  const path: (string | number)[] = [];
  let node: SyntaxNode | null = value;
  while (node?.parent) {
    const parent: SyntaxNode = node.parent;
    if (parent.name === 'Property') {
      const name = propertyName(text, parent);
      if (name === undefined) return path;
      path.unshift(name);
      node = parent.parent;
      continue;
    }
    if (parent.name === 'Array') {
      let index = 0;
      for (let child = parent.firstChild; child && child.from < node.from; child = child.nextSibling) {
        if (!['[', ']', ',', '⚠'].includes(child.name)) index++;
      }
      path.unshift(index);
    }
    node = parent;
  }
  return path;
}

/** A property's key, decoded, or undefined while it is not a whole string yet. */
function propertyName(text: string, property: SyntaxNode): string | undefined {
  const key = property.getChild('PropertyName');
  if (!key) return undefined;
  try {
    const name: unknown = JSON.parse(text.slice(key.from, key.to));
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** The keys an object already has, with their scalar values (which pick conditional branches). */
function siblingsOf(text: string, object: SyntaxNode, typing: SyntaxNode | undefined): Map<string, unknown> {
  const siblings = new Map<string, unknown>();
  for (const property of object.getChildren('Property')) {
    if (typing && property.from === typing.from) continue;
    const name = propertyName(text, property);
    if (name === undefined || name === '') continue;
    const value = property.lastChild;
    let parsed: unknown;
    if (value && ['String', 'Number', 'True', 'False', 'Null'].includes(value.name)) {
      try {
        parsed = JSON.parse(text.slice(value.from, value.to));
      } catch {
        parsed = undefined;
      }
    }
    siblings.set(name, parsed);
  }
  return siblings;
}
