import fs from 'node:fs';
import { rolesDocument, ROLES_DOC_PATH } from './roles-doc';

// `npm run docs:roles`: writes docs/roles.md from the operation x role table.
fs.writeFileSync(ROLES_DOC_PATH, rolesDocument());
console.log(`Wrote ${ROLES_DOC_PATH}`);
