import type { Locale } from '../definition/form-definition.js';
import type { ResolvedSources } from '../sources/source-catalog.js';

/** What validation needs from the outside world, passed in so the engine stays pure. */
export interface ValidationContext {
  /** Today's date in the association's time zone, `YYYY-MM-DD`. */
  readonly today: string;
  readonly locale: Locale;
  /** The dynamic option sources resolved for the member who fills the form. */
  readonly sources: ResolvedSources;
}
