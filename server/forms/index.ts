export { definitionHash } from './definition-hash.js';
export { type FormFile, readFormFiles } from './form-files.js';
export {
  type LoadedForm,
  type LoadFormsOptions,
  type LoadFormsResult,
  loadForms,
  projectFolders,
} from './load-forms.js';
export {
  checkPublishedVersion,
  type PublishedVersions,
  readPublishedVersions,
  writePublishedVersions,
} from './published-versions.js';
export { listTemplateNames } from './template-names.js';
