/**
 * The portal: the member's マイページ, the office's review and the staff's studio landing, as
 * server-rendered pages that embed the MAMIS components. Mounted by `createApp`.
 */
export { type PageRoutesOptions, pageRoutes } from './page-routes.js';
