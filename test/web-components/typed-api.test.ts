import { describe, expectTypeOf, it } from 'vitest';
import type { MamisApplicationStatus } from '../../web-components/application-status/mamis-application-status.js';
import type {
  MamisCancelDetail,
  MamisStepChangeDetail,
  MamisSubmittedDetail,
} from '../../web-components/events/mamis-events.js';
import type { MamisForm } from '../../web-components/form/mamis-form.js';
import type { WidgetEntry, WidgetProps } from '../../web-components/widgets/widget-types.js';

// Checked by the type checker (`npm run typecheck`); at run time these are no-ops.
describe('the typed surface a host page programs against', () => {
  it('maps the tags to their classes', () => {
    expectTypeOf<HTMLElementTagNameMap['mamis-form']>().toEqualTypeOf<MamisForm>();
    expectTypeOf<HTMLElementTagNameMap['mamis-application-status']>().toEqualTypeOf<MamisApplicationStatus>();
  });

  it('types the events addEventListener hands to a listener', () => {
    expectTypeOf<HTMLElementEventMap['mamis-submitted']>().toEqualTypeOf<CustomEvent<MamisSubmittedDetail>>();
    expectTypeOf<HTMLElementEventMap['mamis-step-change']>().toEqualTypeOf<CustomEvent<MamisStepChangeDetail>>();
    expectTypeOf<HTMLElementEventMap['mamis-cancel']>().toEqualTypeOf<CustomEvent<MamisCancelDetail>>();
    const listen = (form: MamisForm) =>
      form.addEventListener('mamis-submitted', (event) => {
        expectTypeOf(event.detail.formId).toEqualTypeOf<string>();
      });
    expectTypeOf(listen).toBeFunction();
  });

  it('types a widget without any', () => {
    expectTypeOf<WidgetEntry['renderer']>().parameter(0).toEqualTypeOf<WidgetProps>();
    expectTypeOf<WidgetProps['onCommit']>().parameter(0).toEqualTypeOf<unknown>();
  });
});
