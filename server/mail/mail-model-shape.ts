import type { Localized, MailEvent, MailHook, RuntimeForm } from '../../engine/index.js';
import { fieldStepFields } from './build-mail-view-model.js';

/** The shape of a value a template can reach: text (or number, boolean, null), an object, or a list. */
export type Shape = ValueShape | ObjectShape | ListShape;
export interface ValueShape {
  readonly kind: 'value';
}
export interface ObjectShape {
  readonly kind: 'object';
  readonly props: Readonly<Record<string, Shape>>;
  /** Keys that exist in other mails but not in this one, with why. */
  readonly unavailable?: Readonly<Record<string, Localized>>;
}
export interface ListShape {
  readonly kind: 'list';
  readonly item: Shape;
}

const VALUE: ValueShape = { kind: 'value' };
const object = (props: Record<string, Shape>, unavailable?: Record<string, Localized>): ObjectShape =>
  unavailable ? { kind: 'object', props, unavailable } : { kind: 'object', props };
const list = (item: Shape): ListShape => ({ kind: 'list', item });
const values = (...keys: string[]): ObjectShape => object(Object.fromEntries(keys.map((key) => [key, VALUE])));

/** Events about one association's decision: only their mails carry `decision`. */
export const DECISION_EVENTS: readonly MailEvent[] = ['in-review', 'approved', 'returned'];

const CONFIRM_TARGET = values('name', 'layer', 'layerLabel');
const CONTACT = values('associationId', 'name', 'layerLabel', 'email');

/**
 * What the view model of a mail can hold for one form and hook, as `buildMailViewModel` builds
 * it: `fields` has exactly the form's fields, `decision` exists only for decision events and
 * `office` only in mail to offices. The template check resolves every path against this.
 */
export function mailModelShape(form: RuntimeForm, hook: MailHook): ObjectShape {
  const props: Record<string, Shape> = {
    locale: VALUE,
    event: VALUE,
    recipient: VALUE,
    toOffice: VALUE,
    portal: values('name', 'url'),
    member: values('name', 'registrationNumber', 'email'),
    application: values('id', 'formId', 'formVersion', 'formTitle', 'createdAt', 'complete'),
    confirm: object({
      title: VALUE,
      sections: list(
        object({
          title: VALUE,
          rows: list(
            object({
              ...values('field', 'label', 'value', 'empty', 'isValue', 'isList', 'isTargets', 'facility').props,
              values: list(VALUE),
              targets: list(CONFIRM_TARGET),
            }),
          ),
        }),
      ),
    }),
    fields: object(fieldShapes(form)),
    targets: list(
      values(
        'associationId',
        'name',
        'layer',
        'layerLabel',
        'officeEmail',
        'role',
        'roleLabel',
        'status',
        'statusLabel',
        'comment',
      ),
    ),
    contacts: list(CONTACT),
  };
  const unavailable: Record<string, Localized> = {};
  if (DECISION_EVENTS.includes(hook.on)) {
    props.decision = values(
      'associationId',
      'association',
      'layerLabel',
      'officeEmail',
      'roleLabel',
      'statusLabel',
      'comment',
    );
  } else {
    unavailable.decision = {
      ja: `decision は審査のメール（${DECISION_EVENTS.join(', ')}）にだけあります。このフックは「${hook.on}」です`,
      en: `decision exists only in mail about a decision (${DECISION_EVENTS.join(', ')}); this hook is "${hook.on}"`,
    };
  }
  if (hook.to === 'target-offices') props.office = CONTACT;
  else {
    unavailable.office = {
      ja: 'office は事務局あてのメール（"to": "target-offices"）にだけあります',
      en: 'office exists only in mail to offices ("to": "target-offices")',
    };
  }
  return object(props, unavailable);
}

function fieldShapes(form: RuntimeForm): Record<string, Shape> {
  const shapes: Record<string, Shape> = {};
  for (const name of fieldStepFields(form)) {
    const plan = form.fieldByName.get(name);
    if (!plan) continue;
    const base = values('label', 'value', 'shown', 'empty').props;
    if (plan.widget === 'checkboxes') shapes[name] = object({ ...base, values: list(VALUE) });
    else if (plan.widget === 'association-layers') {
      shapes[name] = object({ ...base, facility: VALUE, targets: list(CONFIRM_TARGET) });
    } else shapes[name] = object(base);
  }
  return shapes;
}

/** Adds the keys a layout sees on top of the mail's model: the rendered body and subject. */
export function layoutShape(model: ObjectShape): ObjectShape {
  return { ...model, props: { ...model.props, body: VALUE, subject: VALUE } };
}
