import { describe, expect, it } from 'vitest';
import { createCheckContext } from '../../../engine/check/check-context.js';
import { widgetsAndSources } from '../../../engine/check/cross-checks/widgets-and-sources.js';
import {
  checkDefinition,
  type DefinitionIssue,
  FORM_DEFINITION_META_SCHEMA,
  SOURCE_CATALOG,
} from '../../../engine/index.js';
import { readDefinition } from '../../support/project-forms.js';

// biome-ignore lint/suspicious/noExplicitAny: a test edits definitions freely, as staff do by hand.
type Loose = any;

/** Checks a copy of a project definition after `edit` has broken it. */
function issuesAfter(edit: (definition: Loose) => void, id = 'withdrawal'): DefinitionIssue[] {
  const definition = readDefinition(id);
  edit(definition);
  return [...checkDefinition({ definition, file: `forms/${id}/form.json`, expectedId: id }).issues];
}

function codesAndPointers(issues: readonly DefinitionIssue[]) {
  return issues.map((issue) => [issue.code, issue.pointer]);
}

/** The issue is complete: it names the form and file, and carries a Japanese and an English text. */
function expectWellFormed(issue: DefinitionIssue | undefined, id: string): DefinitionIssue {
  expect(issue).toMatchObject({ formId: id, file: `forms/${id}/form.json` });
  expect(issue!.message.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  expect(issue!.message.en).toMatch(/^[\x20-\x7e…]+$/);
  return issue!;
}

interface Case {
  readonly code: string;
  readonly form?: string;
  readonly edit: (definition: Loose) => void;
  /** Every issue the broken copy yields, in order, as [code, pointer]. */
  readonly issues: readonly (readonly [string, string])[];
  /** What the message must say in each language: how to fix the problem. */
  readonly fix: { readonly ja: readonly string[]; readonly en: readonly string[] };
}

const CASES: readonly Case[] = [
  {
    code: 'association-layers-without-source',
    edit: (d) => {
      delete d.fields.withdrawFrom.source;
    },
    issues: [['association-layers-without-source', '/fields/withdrawFrom']],
    fix: {
      ja: ['「withdrawFrom」', '"source": { "name": "member.groups" }', '指定してください'],
      en: ['"withdrawFrom"', 'Add e.g. "source": { "name": "member.groups" }'],
    },
  },
  {
    code: 'options-without-enum',
    edit: (d) => {
      delete d.schema.properties.reason.enum;
    },
    issues: [['options-without-enum', '/fields/reason/options']],
    fix: {
      ja: ['「reason」', 'schema に "enum": ["retirement", "death", "other"] を書いてください'],
      en: ['"reason"', 'Add "enum": ["retirement", "death", "other"]'],
    },
  },
  {
    code: 'complete-step-count',
    edit: (d) => {
      d.steps.pop();
    },
    issues: [
      ['complete-step-count', '/steps'],
      ['confirm-not-before-complete', '/steps/3'],
    ],
    fix: {
      ja: ['"type": "complete"', 'ちょうど一つ必要', 'いまは0つ'],
      en: ['Exactly one complete step is needed', 'found 0'],
    },
  },
  {
    code: 'complete-step-count',
    edit: (d) => {
      d.steps.push({ ...d.steps[4], id: 'done-again' });
    },
    issues: [
      ['complete-step-count', '/steps'],
      ['step-unreachable', '/steps/5'],
      ['confirm-not-before-complete', '/steps/3'],
    ],
    fix: {
      ja: ['"type": "complete"', 'ちょうど一つ必要', 'いまは2つ'],
      en: ['Exactly one complete step is needed', 'found 2'],
    },
  },
  {
    code: 'no-fields-step',
    edit: (d) => {
      // The only fields step goes; its properties become derived, so nothing else is wrong.
      d.steps.splice(2, 1);
      d.derived = Object.keys(d.schema.properties);
    },
    issues: [['no-fields-step', '/steps']],
    fix: {
      ja: ['"type": "fields"', '加え', 'schema.properties'],
      en: ['"type": "fields"', 'Add one', 'schema.properties'],
    },
  },
  {
    code: 'condition-on-itself',
    edit: (d) => {
      d.fields.reasonOther.visibleWhen = { reasonOther: 'other' };
    },
    issues: [['condition-on-itself', '/fields/reasonOther/visibleWhen/reasonOther']],
    fix: {
      ja: ['「reasonOther」', '別の項目の値で条件を書いてください'],
      en: ['"reasonOther"', 'Base it on another field'],
    },
  },
  {
    code: 'derived-but-asked',
    edit: (d) => {
      d.derived = ['reasonOther'];
    },
    issues: [['derived-but-asked', '/derived/0']],
    fix: {
      ja: ['「reasonOther」', 'どちらか一方にしてください'],
      en: ['"reasonOther"', 'Keep only one'],
    },
  },
  {
    code: 'derived-but-asked',
    edit: (d) => {
      // The pointer is the entry's own index, not the first one.
      d.schema.properties.memberNote = { type: 'string' };
      d.derived = ['memberNote', 'reason'];
    },
    issues: [['derived-but-asked', '/derived/1']],
    fix: {
      ja: ['「reason」', 'どちらか一方にしてください'],
      en: ['"reason"', 'Keep only one'],
    },
  },
  {
    code: 'derived-not-in-schema',
    edit: (d) => {
      d.derived = ['memberNote'];
    },
    issues: [['derived-not-in-schema', '/derived/0']],
    fix: {
      ja: ['「memberNote」', 'schema.properties に追加するか、derived から外してください'],
      en: ['"memberNote"', 'Add it to schema.properties or remove it from "derived"'],
    },
  },
  {
    code: 'required-not-in-schema',
    edit: (d) => {
      d.schema.required.push('reasonOthers');
    },
    issues: [['required-not-in-schema', '/schema/required/4']],
    fix: {
      ja: ['「reasonOthers」', '綴りを確認してください'],
      en: ['"reasonOthers"', 'Check the spelling'],
    },
  },
  {
    code: 'facility-field',
    form: 'enrollment',
    edit: (d) => {
      d.workflow.facility = 'facilityAddress'; // optional: a join could create a group without a facility
    },
    issues: [['facility-field', '/workflow/facility']],
    fix: {
      ja: ['「facilityAddress」', '常に表示される必須の文字列項目'],
      en: ['"facilityAddress"', 'must be a required, always shown text field'],
    },
  },
  {
    code: 'facility-field',
    form: 'enrollment',
    edit: (d) => {
      d.workflow.facility = 'facilityNam';
    },
    issues: [['facility-field', '/workflow/facility']],
    fix: {
      ja: ['「facilityNam」', '常に表示される必須の文字列項目'],
      en: ['"facilityNam"', 'must be a required, always shown text field'],
    },
  },
  {
    code: 'facility-field',
    form: 'enrollment',
    edit: (d) => {
      d.fields.facilityName.visibleWhen = { facilityAddress: 'x' };
    },
    issues: [['facility-field', '/workflow/facility']],
    fix: {
      ja: ['「facilityName」', '常に表示される'],
      en: ['"facilityName"', 'always shown'],
    },
  },
  {
    code: 'target-role-missing',
    edit: (d) => {
      delete d.fields.withdrawFrom.targetRole;
    },
    issues: [['target-role-missing', '/fields/withdrawFrom']],
    fix: {
      ja: ['「withdrawFrom」', '退会なら "leave"', '入会なら "join"'],
      en: ['"withdrawFrom"', 'Use "leave"', '"join"'],
    },
  },
  {
    code: 'ref-unsupported',
    edit: (d) => {
      // Ajv resolves this reference, so only the engine's own rule refuses it.
      d.schema.properties.reasonOther.$ref = '#/properties/reason';
    },
    issues: [['ref-unsupported', '/schema/properties/reasonOther/$ref']],
    fix: {
      ja: ['"#/properties/reason"', '"#/$defs/…" だけ'],
      en: ['"#/properties/reason"', 'only "#/$defs/…" in the same schema can be referenced'],
    },
  },
  {
    code: 'ref-unsupported',
    edit: (d) => {
      d.schema.$defs = { shortText: { type: 'string', maxLength: 50 } };
      d.schema.properties.reasonOther.$ref = '#/$defs/shortText/maxLength';
    },
    issues: [['ref-unsupported', '/schema/properties/reasonOther/$ref']],
    fix: {
      ja: ['"#/$defs/shortText/maxLength"', '"#/$defs/…" だけ'],
      en: ['"#/$defs/shortText/maxLength"', 'only "#/$defs/…"'],
    },
  },
];

describe('cross-check codes', () => {
  for (const { code, form = 'withdrawal', edit, issues: expected, fix } of CASES) {
    it(`reports ${code} at ${expected.find(([found]) => found === code)?.[1]}: ${fix.en.join(', ')}`, () => {
      const issues = issuesAfter(edit, form);
      expect(codesAndPointers(issues)).toEqual(expected);
      const issue = expectWellFormed(
        issues.find((candidate) => candidate.code === code),
        form,
      );
      for (const words of fix.ja) expect(issue.message.ja).toContain(words);
      for (const words of fix.en) expect(issue.message.en).toContain(words);
    });
  }

  it('accepts the supported forms the refused ones are told to take', () => {
    expect(
      issuesAfter((d) => {
        d.schema.$defs = { shortText: { type: 'string', maxLength: 50 } };
        d.schema.properties.reasonOther.$ref = '#/$defs/shortText';
      }),
    ).toEqual([]);
    expect(
      issuesAfter((d) => {
        d.schema.properties.memberNote = { type: 'string' };
        d.derived = ['memberNote'];
      }),
    ).toEqual([]);
  });
});

describe('source-unknown', () => {
  it('lists in the meta-schema exactly the sources the engine knows', () => {
    // An unknown name is refused there first (meta-enum); source-unknown guards the catalog if the two drift apart.
    const field = (FORM_DEFINITION_META_SCHEMA as Loose).$defs.field.properties.source.properties.name;
    expect([...field.enum].sort()).toEqual(Object.keys(SOURCE_CATALOG).sort());
    expect(
      codesAndPointers(
        issuesAfter((d) => {
          d.fields.withdrawFrom.source.name = 'member.group';
        }),
      ),
    ).toEqual([['meta-enum', '/fields/withdrawFrom/source/name']]);
  });

  it('reports a source the catalog does not have, with the ones it has', () => {
    const definition: Loose = readDefinition('withdrawal');
    definition.fields.withdrawFrom.source.name = 'member.group';
    const issues = widgetsAndSources(createCheckContext(definition, 'forms/withdrawal/form.json', undefined));
    expect(codesAndPointers(issues)).toEqual([['source-unknown', '/fields/withdrawFrom/source/name']]);
    const issue = expectWellFormed(issues[0], 'withdrawal');
    const available = 'member.groups, associations.prefectures, associations.chains';
    expect(issue.message.ja).toContain('「member.group」');
    expect(issue.message.ja).toContain(`使えるのは ${available} です`);
    expect(issue.message.en).toContain('"member.group"');
    expect(issue.message.en).toContain(`Available: ${available}.`);
  });
});
