/** RPC handlers for the public procedure board (src-shared/rpc/board.ts). */
import type { boardRows } from '@shared/rpc/board';
import type { HandlerGroup } from '../rpc/handlers';
import type { BoardService } from './board';

export function boardHandlers(board: BoardService): HandlerGroup<keyof typeof boardRows> {
  return {
    'board.search': (input) => ({ items: board.search(input.query) }),
    'board.procedure': (input) => board.procedure(input.id),
  };
}
