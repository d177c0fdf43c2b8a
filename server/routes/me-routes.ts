import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import type { AppEnv } from '../app-env.js';
import { memberIdOf } from '../auth/authenticate.js';
import { calendarDay } from '../runtime/clock.js';
import { memberProfile, membershipHistory } from '../store/member-profile.js';

/** マイページ's header (`/api/me`) and 医師会入退会履歴 (`/api/me/history`); members only (see app.ts). */
export function meRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, clock } = deps;
  const routes = new Hono<AppEnv>();

  routes.get('/me', async (c) => {
    return c.json({ member: await memberProfile(db, memberIdOf(c), calendarDay(clock.now())) });
  });

  routes.get('/me/history', async (c) => {
    return c.json({ history: await membershipHistory(db, memberIdOf(c)) });
  });

  return routes;
}
