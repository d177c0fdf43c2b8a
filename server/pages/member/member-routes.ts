import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { requirePageRole } from '../http/page-session.js';
import type { PageContext } from '../page-context.js';
import { contactPage } from './contact-page.js';
import { formPage } from './form-page.js';
import { historyPage } from './history-page.js';
import { myPage } from './my-page.js';
import { noticesPage } from './notices-page.js';
import { profilePage } from './profile-page.js';

/** The member's マイページ: TOP, one page per form, history, profile, contacts, notices. */
export function memberRoutes(ctx: PageContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const member = requirePageRole('member');
  routes.get('/', member, (c) => myPage(ctx, c));
  routes.get('/forms/:id', member, (c) => formPage(ctx, c));
  routes.get('/history', member, (c) => historyPage(ctx, c));
  routes.get('/profile', member, (c) => profilePage(ctx, c));
  routes.get('/contact', member, (c) => contactPage(ctx, c));
  routes.get('/notices', member, (c) => noticesPage(ctx, c));
  return routes;
}
