import { AppError } from '@shared/errors';
import { ar } from '@shared/labels/ar';
import type { HandlerContext } from '../context';

/** The desk whose kiosk is asking: the one the session was opened at. */
export function kioskDesk(ctx: Pick<HandlerContext, 'session'>): number {
  const deskId = ctx.session.deskId;
  if (deskId === null) throw new AppError('validation', ar.satisfaction.noDesk);
  return deskId;
}
