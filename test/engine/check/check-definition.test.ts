import { describe, expect, it } from 'vitest';
import { checkDefinition, type DefinitionIssue, type FormDefinition, formatIssue } from '../../../engine/index.js';
import { FORM_IDS, readDefinition } from '../../support/project-forms.js';

type Mutable = { -readonly [K in keyof FormDefinition]: FormDefinition[K] } & Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: a test edits definitions freely, as staff do by hand.
type Loose = any;

const TEMPLATES = new Set([
  'withdrawal/member-submitted',
  'withdrawal/member-approved',
  'enrollment/member-submitted',
  'enrollment/member-approved',
  'transfer/member-submitted',
  'transfer/member-approved',
  'common/office-submitted',
  'common/office-edited',
  'common/office-withdrawn',
  'common/member-withdrawn',
  'common/member-in-review',
  'common/member-returned',
]);

/** Checks a copy of a project definition after `edit` has broken it. */
function issuesAfter(edit: (definition: Loose) => void, id = 'withdrawal'): DefinitionIssue[] {
  const definition = readDefinition(id) as Mutable;
  edit(definition);
  const result = checkDefinition({ definition, file: `forms/${id}/form.json`, expectedId: id, templates: TEMPLATES });
  return [...result.issues];
}

function codesAndPointers(issues: DefinitionIssue[]) {
  return issues.map((issue) => [issue.code, issue.pointer]);
}

describe('checkDefinition', () => {
  for (const id of FORM_IDS) {
    it(`passes the project's ${id} definition`, () => {
      expect(issuesAfter(() => {}, id)).toEqual([]);
    });
  }

  it('names the form, the file and the pointer, and says how to fix it', () => {
    const [issue] = issuesAfter((d) => {
      d.steps[2].fields[1] = 'withdrawlDate';
    });
    expect(issue).toMatchObject({
      formId: 'withdrawal',
      file: 'forms/withdrawal/form.json',
      pointer: '/steps/2/fields/1',
    });
    expect(issue?.message.ja).toContain('withdrawlDate');
    expect(issue?.message.ja).toContain('schema.properties');
    expect(formatIssue(issue!)).toMatch(
      /^withdrawal \(forms\/withdrawal\/form.json\) \/steps\/2\/fields\/1 \[step-field-unknown\]/,
    );
  });

  it('reports a step field that is not in the schema (and the property no step asks any more)', () => {
    expect(
      codesAndPointers(
        issuesAfter((d) => {
          d.steps[2].fields[1] = 'withdrawlDate';
        }),
      ),
    ).toEqual([
      ['step-field-unknown', '/steps/2/fields/1'],
      ['property-not-asked', '/schema/properties/withdrawalDate'],
    ]);
  });

  it('reports a property asked in no step unless it is derived', () => {
    const edit = (d: Loose) => {
      d.schema.properties.memberNote = { type: 'string' };
    };
    expect(codesAndPointers(issuesAfter(edit))).toEqual([['property-not-asked', '/schema/properties/memberNote']]);
    expect(
      issuesAfter((d) => {
        edit(d);
        d.derived = ['memberNote'];
      }),
    ).toEqual([]);
  });

  it('reports a field asked in two steps', () => {
    const issues = issuesAfter((d) => {
      d.steps.splice(3, 0, { id: 'again', type: 'fields', title: { ja: '再', en: 'Again' }, fields: ['reason'] });
    });
    expect(codesAndPointers(issues)).toContainEqual(['step-field-twice', '/steps/3/fields/0']);
  });

  it('reports an asked field without a label', () => {
    expect(
      codesAndPointers(
        issuesAfter((d) => {
          delete d.fields.reason;
        }),
      ),
    ).toContainEqual(['field-without-label', '/fields']);
  });

  it('reports field settings for a property that does not exist', () => {
    expect(
      codesAndPointers(
        issuesAfter((d) => {
          d.fields.reasonOthers = { label: { ja: 'x', en: 'x' } };
        }),
      ),
    ).toEqual([['field-not-in-schema', '/fields/reasonOthers']]);
  });

  it('reports a visibility condition on a field that does not exist', () => {
    expect(
      codesAndPointers(
        issuesAfter((d) => {
          d.fields.reasonOther.visibleWhen = { reasons: 'other' };
        }),
      ),
    ).toContainEqual(['condition-unknown-field', '/fields/reasonOther/visibleWhen/reasons']);
  });

  it('reports a visibility condition on a value the field cannot hold', () => {
    const issues = issuesAfter((d) => {
      d.fields.reasonOther.visibleWhen = { reason: 'others' };
    });
    expect(codesAndPointers(issues)).toEqual([['condition-unknown-value', '/fields/reasonOther/visibleWhen/reason']]);
    expect(issues[0]?.message.ja).toContain('"retirement", "death", "other"');
  });

  it('reports a condition on a field asked in a later step', () => {
    const issues = issuesAfter((d) => {
      d.fields.facilityName.visibleWhen = { memberClass: 'A1' };
      d.schema.required = d.schema.required.filter((name: string) => name !== 'facilityName');
      d.workflow = { effectiveDate: 'enrollmentDate', facility: 'facilityAddress' };
      d.schema.required.push('facilityAddress');
    }, 'enrollment');
    expect(codesAndPointers(issues)).toContainEqual([
      'condition-field-later',
      '/fields/facilityName/visibleWhen/memberClass',
    ]);
  });

  it('reports an enum value without a label and a label without a value', () => {
    expect(
      codesAndPointers(
        issuesAfter((d) => {
          d.schema.properties.reason.enum.push('moving');
          d.fields.reason.options.emigration = { ja: '海外移住', en: 'Emigration' };
        }),
      ),
    ).toEqual([
      ['option-label-missing', '/fields/reason/options'],
      ['option-label-unknown', '/fields/reason/options/emigration'],
    ]);
  });

  it('reports an unknown source through the meta-schema with its pointer', () => {
    expect(
      codesAndPointers(
        issuesAfter((d) => {
          d.fields.withdrawFrom.source.name = 'member.group';
        }),
      ),
    ).toEqual([['meta-enum', '/fields/withdrawFrom/source/name']]);
  });

  it('reports a source that does not fit its widget', () => {
    expect(
      codesAndPointers(
        issuesAfter((d) => {
          d.fields.withdrawFrom.source.name = 'associations.prefectures';
        }),
      ),
    ).toContainEqual(['source-widget-mismatch', '/fields/withdrawFrom/source/name']);
  });

  it('reports a dependent source whose parent field is asked later', () => {
    expect(
      codesAndPointers(
        issuesAfter((d) => {
          d.steps[0].fields = ['facilityName', 'facilityAddress', 'joinTo', 'prefecture'];
        }, 'enrollment'),
      ),
    ).toContainEqual(['source-depends-on', '/fields/joinTo/source/dependsOn']);
  });

  it('reports a widget that cannot edit its schema', () => {
    expect(
      codesAndPointers(
        issuesAfter((d) => {
          d.fields.withdrawalDate.widget = 'number';
        }),
      ),
    ).toEqual([['widget-schema-mismatch', '/fields/withdrawalDate/widget']]);
  });

  it('reports a mail template that does not exist', () => {
    const issues = issuesAfter((d) => {
      d.mail[0].template = 'withdrawal/member-submited';
    });
    expect(codesAndPointers(issues)).toEqual([['template-missing', '/mail/0/template']]);
    expect(issues[0]?.message.ja).toContain('templates/withdrawal/member-submited/');
  });

  it('reports an effective date that is not an always-asked date', () => {
    expect(
      codesAndPointers(
        issuesAfter((d) => {
          d.workflow.effectiveDate = 'reason';
        }),
      ),
    ).toEqual([['effective-date-field', '/workflow/effectiveDate']]);
  });

  it('reports a missing confirm step, a step after completion, and duplicate step ids', () => {
    expect(
      codesAndPointers(
        issuesAfter((d) => {
          d.steps.splice(3, 1);
        }),
      ),
    ).toEqual([['confirm-step-count', '/steps']]);
    expect(
      codesAndPointers(
        issuesAfter((d) => {
          d.steps.push({
            id: 'after',
            type: 'interstitial',
            body: [],
            next: d.steps[0].next,
            cancel: d.steps[0].cancel,
          });
        }),
      ),
    ).toEqual([
      ['step-unreachable', '/steps/5'],
      ['confirm-not-before-complete', '/steps/3'],
    ]);
    expect(
      codesAndPointers(
        issuesAfter((d) => {
          d.steps[1].id = 'retention';
        }),
      ),
    ).toEqual([['step-id-duplicate', '/steps/1/id']]);
  });

  it('reports a misspelt keyword in the data schema (strict mode)', () => {
    const issues = issuesAfter((d) => {
      d.schema.properties.reasonOther.maxCharacter = 50;
    });
    expect(codesAndPointers(issues)).toEqual([['schema-invalid', '/schema']]);
    expect(issues[0]?.message.en).toContain('maxCharacter');
  });

  it('reports a misspelt setting with its pointer', () => {
    const issues = issuesAfter((d) => {
      d.fields.reason.lable = d.fields.reason.label;
    });
    expect(codesAndPointers(issues)).toEqual([['meta-additionalProperties', '/fields/reason']]);
    expect(issues[0]?.message.ja).toContain('lable');
  });

  it('reports a missing English text', () => {
    expect(
      codesAndPointers(
        issuesAfter((d) => {
          delete d.title.en;
        }),
      ),
    ).toEqual([['meta-required', '/title']]);
  });

  it('reports an id that differs from its folder', () => {
    expect(
      codesAndPointers(
        issuesAfter((d) => {
          d.id = 'withdraw';
        }),
      ),
    ).toEqual([['id-folder-mismatch', '/id']]);
  });

  it('reports association settings on another widget and a join without a facility field', () => {
    expect(
      codesAndPointers(
        issuesAfter((d) => {
          d.fields.reason.cascade = 'upward';
        }),
      ),
    ).toEqual([['association-setting-misplaced', '/fields/reason/cascade']]);
    expect(
      codesAndPointers(
        issuesAfter((d) => {
          delete d.workflow.facility;
        }, 'enrollment'),
      ),
    ).toEqual([['facility-missing', '/workflow']]);
  });
});

describe('checkDefinition on hostile definitions', () => {
  it('refuses a pattern that backtracks catastrophically', () => {
    const issues = issuesAfter((d) => {
      d.schema.properties.reasonOther.pattern = '^(a+)+$';
    });
    expect(codesAndPointers(issues)).toEqual([['pattern-unsafe', '/schema/properties/reasonOther/pattern']]);
  });

  it('refuses a back-reference and an invalid pattern', () => {
    for (const pattern of ['^(a)\\1$', '^([a-z]+$']) {
      const issues = issuesAfter((d) => {
        d.schema.properties.reasonOther.pattern = pattern;
      });
      expect(codesAndPointers(issues)).toContainEqual(['pattern-unsafe', '/schema/properties/reasonOther/pattern']);
    }
  });

  it('accepts a linear pattern with a length limit, and asks for a limit without one', () => {
    expect(
      issuesAfter((d) => {
        d.schema.properties.reasonOther.pattern = '^[^<>]{1,50}$';
      }),
    ).toEqual([]);
    const unbounded = issuesAfter((d) => {
      d.schema.properties.reasonOther.pattern = '^[0-9]{3}-?[0-9]{4}$';
      delete d.schema.properties.reasonOther.maxCharacters;
    });
    expect(codesAndPointers(unbounded)).toEqual([['pattern-unbounded', '/schema/properties/reasonOther']]);
  });

  it('refuses a self-referencing $ref', () => {
    const issues = issuesAfter((d) => {
      d.schema.$defs = { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' } } } };
      d.schema.properties.reasonOther = { $ref: '#/$defs/node' };
    });
    expect(codesAndPointers(issues)).toContainEqual(['ref-recursive', '/schema/$defs/node/properties/child/$ref']);
    const root = issuesAfter((d) => {
      d.schema.properties.reasonOther = { $ref: '#' };
    });
    expect(codesAndPointers(root)).toContainEqual(['ref-recursive', '/schema/properties/reasonOther/$ref']);
  });

  it('refuses 10,000 fields at the meta-schema', () => {
    const issues = issuesAfter((d) => {
      for (let index = 0; index < 10_000; index++) {
        d.schema.properties[`field${index}`] = { type: 'string' };
        d.fields[`field${index}`] = { label: { ja: '項目', en: 'Field' } };
      }
    });
    expect(codesAndPointers(issues)).toEqual([
      ['meta-maxProperties', '/schema/properties'],
      ['meta-maxProperties', '/fields'],
    ]);
  });
});
