/** RPC handlers for phản ánh, kiến nghị (src-shared/rpc/feedback.ts). */
import type { feedbackRows } from '@shared/rpc/feedback';
import { signedIn, type HandlerGroup } from '../rpc/handlers';
import type { SettingsService } from '../settings/settings';
import type { FeedbackService } from './feedback';

export function feedbackHandlers(feedback: FeedbackService, settings: SettingsService): HandlerGroup<keyof typeof feedbackRows> {
  return {
    'feedback.submit': (input) => {
      const { receivedAt, dueAt } = feedback.submit(input, null);
      return { receivedAt, dueAt };
    },
    'feedback.record': (input, ctx) => feedback.submit(input, signedIn(ctx).id),
    'feedback.list': (input) => ({ items: feedback.list(input.state), answerDays: settings.get().feedbackAnswerDays }),
    'feedback.answer': (input, ctx) => feedback.answer(input.id, input.answer, signedIn(ctx).id),
    'feedback.summary': (input) => feedback.summary(input.from, input.to),
  };
}
