/**
 * The form studio's server side: checking, previewing and publishing form definitions that
 * staff edit in the browser.
 */
export { checkDraft, type DraftCheck } from './check-draft.js';
export { PatternGuard, type SlowPattern } from './pattern-guard.js';
export { type PublishOutcome, publishFormVersion } from './publish-form-version.js';
export { StudioFiles } from './studio-files.js';
export { draftValidatorUrl, type StudioOptions, studioRoutes } from './studio-routes.js';
