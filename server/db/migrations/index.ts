import type { Migration } from 'kysely';
import { initial } from './001-initial.js';
import { definitionAsJson } from './002-definition-as-json.js';
import { officeQueueOrder } from './003-office-queue-order.js';
import { appendOnlyEvents } from './004-append-only-events.js';
import { applicationFacility } from './005-application-facility.js';

/** Every migration, in order; names sort as they run. Add new ones at the end. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '001-initial': initial,
  '002-definition-as-json': definitionAsJson,
  '003-office-queue-order': officeQueueOrder,
  '004-append-only-events': appendOnlyEvents,
  '005-application-facility': applicationFacility,
};
