import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssue, type Locale } from '../../engine/index.js';
import {
  isGeneratedFileCurrent,
  loadForms,
  projectFolders,
  readPublishedVersions,
  writeGeneratedFile,
  writePublishedVersions,
} from '../forms/index.js';
import { META_VALIDATORS_FILE, metaValidatorsSource } from '../forms/meta-validators-source.js';
import { previewSubmission } from './forms-preview.js';
import { FORM_TYPES_FILE, generateFormTypes } from './forms-types.js';

const USAGE = `Usage: npm run forms -- <command>
  check [--forms DIR] [--templates DIR] [--lang en]   check every definition (and its mail templates)
  types [--check]                                      generate ${FORM_TYPES_FILE} (--check: fail if out of date)
  meta-validators [--check]                            generate ${META_VALIDATORS_FILE} (--check: fail if out of date)
  preview <form> <data.json> [--lang en] [--today YYYY-MM-DD]
                                                       validate data and print the confirm view
  publish                                              record the hash of every current version in forms/published.json`;

/** `npm run forms -- …`: the staff's and CI's tool for form definitions. */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      forms: { type: 'string' },
      templates: { type: 'string' },
      lang: { type: 'string', default: 'ja' },
      today: { type: 'string' },
      check: { type: 'boolean', default: false },
    },
  });
  const [command, ...rest] = positionals;
  const locale: Locale = values.lang === 'en' ? 'en' : 'ja';
  const folders = projectFolders();
  const formsDir = values.forms ? path.resolve(values.forms) : folders.formsDir;
  const templatesDir = values.templates ? path.resolve(values.templates) : folders.templatesDir;
  switch (command) {
    case 'check': {
      const { forms, issues } = await loadForms({ formsDir, templatesDir });
      for (const issue of issues) console.error(formatIssue(issue, locale));
      if (issues.length > 0) {
        console.error(locale === 'ja' ? `\n${issues.length}件の問題があります。` : `\n${issues.length} problem(s).`);
        return 1;
      }
      const names = [...forms.values()].map(({ form }) => `${form.id}@${form.version}`);
      console.log(`${locale === 'ja' ? 'OK' : 'OK'}: ${names.join(', ')}`);
      return 0;
    }
    case 'types': {
      const { forms, issues } = await loadForms({ formsDir, templatesDir, checkTemplates: false });
      if (issues.length > 0) {
        for (const issue of issues) console.error(formatIssue(issue, locale));
        return 1;
      }
      const source = await generateFormTypes([...forms.values()].map(({ form }) => form));
      return writeGenerated(FORM_TYPES_FILE, source, { check: values.check, from: 'forms/', command: 'types' });
    }
    case 'meta-validators':
      return writeGenerated(META_VALIDATORS_FILE, metaValidatorsSource(), {
        check: values.check,
        from: 'the meta-schemas',
        command: 'meta-validators',
      });
    case 'preview': {
      const [formId, dataFile] = rest;
      if (!formId || !dataFile) break;
      const { forms, issues } = await loadForms({ formsDir, templatesDir, checkTemplates: false });
      const loaded = forms.get(formId);
      if (!loaded) {
        for (const issue of issues.filter((item) => item.formId === formId)) console.error(formatIssue(issue, locale));
        console.error(`No usable form "${formId}". Forms: ${[...forms.keys()].join(', ')}`);
        return 1;
      }
      const input = JSON.parse(await readFile(dataFile, 'utf8')) as unknown;
      const { text, ok } = previewSubmission(loaded.form, input, { locale, today: values.today });
      console.log(text);
      return ok ? 0 : 1;
    }
    case 'publish': {
      const { forms, issues } = await loadForms({ formsDir, templatesDir });
      if (issues.length > 0) {
        for (const issue of issues) console.error(formatIssue(issue, locale));
        return 1;
      }
      const published = await readPublishedVersions(formsDir);
      for (const { form, hash } of forms.values()) {
        published[form.id] = { ...published[form.id], [String(form.version)]: hash };
        console.log(`${form.id}@${form.version} ${hash}`);
      }
      await writePublishedVersions(formsDir, published);
      return 0;
    }
  }
  console.error(USAGE);
  return 2;
}

/** Writes a generated file, or with `check` only compares: CI fails when it is out of date. */
async function writeGenerated(
  file: string,
  source: string,
  options: { readonly check: boolean | undefined; readonly from: string; readonly command: string },
): Promise<number> {
  const target = path.resolve(file);
  if (options.check) {
    if (!(await isGeneratedFileCurrent(target, source))) {
      console.error(`${file} is out of date with ${options.from}. Run: npm run forms -- ${options.command}`);
      return 1;
    }
    console.log(`${file} is current.`);
    return 0;
  }
  console.log((await writeGeneratedFile(target, source)) ? `Wrote ${file}` : `${file} is current.`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
