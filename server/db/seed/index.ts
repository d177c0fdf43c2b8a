export { ASSOCIATIONS, NATIONAL_ID, officeEmail, prefectureId } from './association-data.js';
export { DEMO_PASSWORD, MEMBERS, STAFF_LOGIN } from './member-data.js';
export { type SeedOptions, type SeedResult, seedDemoData } from './seed-demo-data.js';
