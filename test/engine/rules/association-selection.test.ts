import { describe, expect, it } from 'vitest';
import type { GroupItem } from '../../../engine/index.js';
import { checkSelection } from '../../../engine/rules/association-selection.js';
import { SAMPLE_SOURCES } from '../../support/project-forms.js';

const groups = SAMPLE_SOURCES['member.groups'] as GroupItem[];

describe('checkSelection (one group per application)', () => {
  it('accepts associations of the chosen group', () => {
    expect(checkSelection({ groupId: 'group-aoyagi', associationIds: ['city-otaru', 'jma'] }, groups)).toBeUndefined();
  });

  it('rejects a group the member may not choose', () => {
    expect(checkSelection({ groupId: 'group-of-someone-else', associationIds: ['jma'] }, groups)).toBe('unknownGroup');
  });

  it('rejects an association of another group', () => {
    expect(checkSelection({ groupId: 'group-aoyagi', associationIds: ['city-otaru', 'city-chiyoda'] }, groups)).toBe(
      'outsideGroup',
    );
  });
});
