/**
 * The MAMIS components: importing this module registers `<mamis-form>`,
 * `<mamis-application-status>` and `<mamis-membership-history>` (and the calendar they use).
 * It also exports what a site needs to add its own field widgets: `registerWidget`, the tester
 * helpers, the shared field parts, and Lit's `html` so a widget needs no Lit of its own.
 */
// The order in which modules are evaluated, which is the order of the bundle. gzip finds repeats
// only within 32 KiB, so like is kept with like: the style sheets, then the texts of each language
// (the engine's messages beside the components' words), then the code. The order within was
// chosen by measuring the bundle's gzip size (155 bytes less); it changes nothing else.
import './styles/panel-styles.js';
import './form/mamis-form.styles.js';
import './application-status/mamis-application-status.styles.js';
import './calendar/mamis-calendar.styles.js';
import './membership-history/mamis-membership-history.styles.js';
import './styles/base-styles.js';
import '../engine/messages/messages-ja.js';
import './i18n/chrome-text-ja.js';
import '../engine/messages/messages-en.js';
import './i18n/chrome-text-en.js';
import '../engine/runtime/validate-submission.js';
import './base/mamis-element.js';
import '../engine/browser.js';
import './api/api-client.js';
import './calendar/define.js';
import './form/define.js';
import './membership-history/define.js';
import './application-status/define.js';

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
