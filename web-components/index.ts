/**
 * The MAMIS components: importing this module registers `<mamis-form>`,
 * `<mamis-application-status>` and `<mamis-membership-history>` (and the calendar they use).
 * It also exports what a site needs to add its own field widgets: `registerWidget`, the tester
 * helpers, the shared field parts, and Lit's `html` so a widget needs no Lit of its own.
 */
// Evaluated first, so the bundle keeps like with like: gzip finds repeats only within 32 KiB, and
// the style sheets, the texts and the engine each compress best next to their own kind.
import './styles/base-styles.js';
import './styles/panel-styles.js';
import './form/mamis-form.styles.js';
import './calendar/mamis-calendar.styles.js';
import './application-status/mamis-application-status.styles.js';
import './membership-history/mamis-membership-history.styles.js';
import './i18n/chrome-text.js';
import '../engine/browser.js';
import './calendar/define.js';
import './form/define.js';
import './application-status/define.js';
import './membership-history/define.js';

export { html, nothing } from 'lit/html.js';
export type { ApiFieldProblem, ApplicationTarget, ApplicationView, Draft, HistoryEntry } from './api/api-types.js';
export { MamisApplicationStatus } from './application-status/mamis-application-status.js';
export { MamisCalendar } from './calendar/mamis-calendar.js';
export type {
  MamisCancelDetail,
  MamisDeletedDetail,
  MamisEditDetail,
  MamisEventMap,
  MamisStepChangeDetail,
  MamisSubmittedDetail,
} from './events/mamis-events.js';
export { MamisForm } from './form/mamis-form.js';
export { MamisMembershipHistory } from './membership-history/mamis-membership-history.js';
export { DEFAULT_WIDGETS, registerWidget, widgetRegistry } from './widgets/default-widgets.js';
export { describedBy, renderError, renderHint, renderLabel, stringValue } from './widgets/field-parts.js';
export { isWidget, NOT_APPLICABLE, rankWith, WidgetRegistry } from './widgets/widget-registry.js';
export type { FieldIds, WidgetEntry, WidgetProps, WidgetRenderer, WidgetTester } from './widgets/widget-types.js';
