import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPORT_LISTS } from '../../../shared/api/contract';
import { EXPORT_LIST_SOURCES, OPERATION_ROLES } from '../../../shared/api/operation-roles';
import { ROLES } from '../../../shared/domain/roles';
import { NOTIFICATION_ROLES } from '../../../shared/notifications/notification-schemas';
import { rolesDocument, ROLES_DOC_PATH } from '../../../scripts/docs/roles-doc';

describe('the roles', () => {
  it('docs/roles.md is the text generated from the table (npm run docs:roles)', () => {
    expect(fs.readFileSync(ROLES_DOC_PATH, 'utf8')).toBe(rolesDocument());
  });

  it('lets exports.list to exactly the roles that may read one of the exportable lists', () => {
    const union = ROLES.filter((role) => EXPORT_LISTS.some((list) => OPERATION_ROLES[EXPORT_LIST_SOURCES[list]].includes(role)));
    expect([...OPERATION_ROLES['exports.list']].sort()).toEqual([...union].sort());
  });

  it('offers the notification centre every role but the administrator, from the one definition', () => {
    expect(NOTIFICATION_ROLES).toEqual(ROLES.filter((role) => role !== 'administrator'));
  });
});
