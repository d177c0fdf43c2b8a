import { json, jsonLanguage, jsonParseLinter } from '@codemirror/lang-json';
import { type Diagnostic, linter, lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorSelection, EditorState } from '@codemirror/state';
import { EditorView, hoverTooltip } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import type { IssueMark, TextRange } from './issue-diagnostics.js';
import type { SchemaNode } from './meta-schema-lookup.js';
import { schemaCompletion, schemaHover } from './schema-completion.js';

export interface JsonEditorOptions {
  /** The element the editor goes in, inside the studio's shadow root. */
  readonly parent: HTMLElement;
  /** The shadow root: CodeMirror mounts its styles there, as adopted stylesheets (no inline style). */
  readonly root: ShadowRoot;
  /** Completion and hover come from this schema (the form definition meta-schema, imported as JSON). */
  readonly schema: SchemaNode;
  /** The editor's accessible name. */
  readonly label: string;
  readonly onChange: (text: string) => void;
}

/**
 * The definition editor: CodeMirror 6 with JSON highlighting, the meta-schema's completion of
 * keys and values and its descriptions on hover, JSON syntax errors at once, and the server
 * check's issues as lint marks at their pointers.
 */
export class JsonEditor {
  readonly view: EditorView;
  /** The text the current marks were computed for: marks of an older text are not shown. */
  #markedText: string | undefined;
  #marks: readonly IssueMark[] = [];

  constructor(options: JsonEditorOptions) {
    const parseErrors = jsonParseLinter();
    this.view = new EditorView({
      root: options.root,
      parent: options.parent,
      state: EditorState.create({
        doc: '',
        extensions: [
          basicSetup,
          json(),
          jsonLanguage.data.of({ autocomplete: schemaCompletion(options.schema) }),
          hoverTooltip(schemaHover(options.schema)),
          lintGutter(),
          linter(
            (view): Diagnostic[] => {
              const syntax = parseErrors(view);
              if (syntax.length > 0) return syntax;
              return view.state.doc.toString() === this.#markedText ? this.#marks.map(toDiagnostic) : [];
            },
            { delay: 200 },
          ),
          EditorView.contentAttributes.of({ 'aria-label': options.label }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) options.onChange(update.state.doc.toString());
          }),
          editorTheme,
        ],
      }),
    });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  /** Replaces the whole text (a form picked, a version published); the cursor goes to the top. */
  setText(text: string): void {
    this.view.dispatch({
      changes: { from: 0, to: this.view.state.doc.length, insert: text },
      selection: EditorSelection.cursor(0),
    });
  }

  /** Shows the check's issues of `text` (ignored when the text has changed since). */
  showMarks(text: string, marks: readonly IssueMark[]): void {
    this.#markedText = text;
    this.#marks = marks;
    // The linter ran when the text changed (before the server answered): set the marks now.
    if (this.text === text) this.view.dispatch(setDiagnostics(this.view.state, marks.map(toDiagnostic)));
  }

  /** Selects a range, scrolls it into the middle of the view and focuses the editor. */
  reveal(range: TextRange): void {
    const length = this.view.state.doc.length;
    const from = Math.min(range.from, length);
    this.view.dispatch({
      selection: EditorSelection.range(from, Math.min(range.to, length)),
      effects: EditorView.scrollIntoView(from, { y: 'center' }),
    });
    this.view.focus();
  }

  destroy(): void {
    this.view.destroy();
  }
}

function toDiagnostic(mark: IssueMark): Diagnostic {
  return {
    from: mark.from,
    to: Math.max(mark.to, mark.from),
    severity: 'error',
    message: mark.message,
    source: mark.code,
  };
}

const editorTheme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px', backgroundColor: '#fff' },
  '.cm-scroller': { fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace", lineHeight: '1.55' },
  '&.cm-focused': { outline: '3px solid var(--_focus, #1b4fd6)', outlineOffset: '-3px' },
  '.cm-gutters': { backgroundColor: '#f4f7f7', borderRight: '1px solid #d5dfe1' },
  '.cm-tooltip': { maxWidth: '32rem', fontFamily: 'inherit' },
  '.cm-tooltip-lint, .cm-schema-hover': { padding: '2px 6px' },
  '.cm-tooltip.cm-completionInfo': { maxWidth: '24rem', whiteSpace: 'normal' },
});
