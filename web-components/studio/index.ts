/**
 * The staff bundle (`mamis-studio.js`): importing it registers `<mamis-form-studio>` and the
 * `<mamis-form>` it previews with. Kept apart from the members' bundle, which it would triple.
 */
import './define.js';

export { type JsonLocation, locatePointer } from './json-pointer-location.js';
export { MamisFormStudio, type MamisPublishedDetail } from './mamis-form-studio.js';
