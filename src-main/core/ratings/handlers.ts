/** RPC handlers for the rating tablet and the service report (src-shared/rpc/ratings.ts). */
import { vnYmd } from '@shared/domain/vn-time';
import type { ratingRows } from '@shared/rpc/ratings';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { deviceOf, type HandlerGroup } from '../rpc/handlers';
import type { RatingService } from './ratings';
import { ratingsOfDay, serviceReport } from './service-report';

export function ratingHandlers(s: { db: CounterDb; clock: Clock; ratings: RatingService }): HandlerGroup<keyof typeof ratingRows> {
  return {
    'ratings.pending': (_i, ctx) => {
      const { counterNo } = deviceOf(ctx);
      return { open: counterNo === null ? null : s.ratings.pending(counterNo) };
    },
    'ratings.submit': (input, ctx) => s.ratings.submit(deviceOf(ctx), input),
    'ratings.today': () => ratingsOfDay(s.db, vnYmd(s.clock.now())),
    'ratings.serviceReport': (input) => serviceReport(s.db, input.from, input.to),
  };
}
