import type { StepType, WidgetName } from '../definition/form-definition.js';

export interface OptionView {
  readonly value: string;
  readonly label: string;
}

export interface GroupView {
  readonly id: string;
  readonly facility: string | undefined;
  /** From the lowest layer to the highest, as the manual lists them (3層, 2層, 1層). */
  readonly associations: readonly {
    readonly id: string;
    readonly name: string;
    readonly layer: number;
    readonly layerLabel: string;
  }[];
}

/** Everything a widget needs to render one field, in one language. */
export interface FieldView {
  readonly name: string;
  readonly pointer: string;
  readonly widget: WidgetName;
  readonly label: string;
  readonly hint: string | undefined;
  readonly placeholder: string | undefined;
  readonly required: boolean;
  readonly visible: boolean;
  /** Choices of radio, select and checkboxes, from the option labels or the resolved source. */
  readonly options: readonly OptionView[];
  /** Groups of an association-layers field. */
  readonly groups: readonly GroupView[];
  readonly cascade: 'upward' | 'downward' | 'none';
  readonly maxCharacters: number | undefined;
  /** Resolved date bounds (`YYYY-MM-DD`) for the calendar. */
  readonly minDate: string | undefined;
  readonly maxDate: string | undefined;
}

export type BlockView =
  | { readonly type: 'paragraph' | 'heading' | 'note'; readonly text: string }
  | { readonly type: 'list'; readonly items: readonly string[] };

/** One entry of the stepper: "1 医師会選択 — 2 確認・申請". */
export interface ProgressItem {
  readonly number: number;
  readonly stepId: string;
  readonly title: string;
  readonly state: 'done' | 'current' | 'todo';
}

export interface StepView {
  readonly id: string;
  readonly type: StepType;
  readonly index: number;
  readonly title: string | undefined;
  readonly presentation: 'page' | 'dialog';
  readonly blocks: readonly BlockView[];
  readonly fields: readonly FieldView[];
  readonly progress: readonly ProgressItem[];
  /** Button labels that apply to this step. */
  readonly nextLabel: string | undefined;
  readonly cancelLabel: string | undefined;
  readonly submitLabel: string | undefined;
}
