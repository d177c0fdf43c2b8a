export { definitionHash } from './definition-hash.js';
export { type FormFile, readFormFiles } from './form-files.js';
export { isGeneratedFileCurrent, writeGeneratedFile } from './generated-file.js';
export {
  type LoadedForm,
  type LoadFormsOptions,
  type LoadFormsResult,
  loadForms,
  projectFolders,
} from './load-forms.js';
export { PASSED_CHECK_FILE_NAME, readPassedCheck, recordPassedCheck } from './passed-check.js';
export {
  checkPublishedVersion,
  type PublishedVersions,
  readPublishedVersions,
  writePublishedVersions,
} from './published-versions.js';
export { allVersionsStored } from './stored-versions.js';
export { listTemplateNames } from './template-names.js';
