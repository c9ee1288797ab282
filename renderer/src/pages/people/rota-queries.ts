import type { QueryClient } from '@tanstack/react-query';
import { PROBLEMS_QUERY_KEY } from '../planning/ProblemsPage';

export const ROTA_QUERY_KEY = ['people.list'] as const;

/** After any rota change: the rota itself, the problems list and the week grids show people too. */
export function refreshAfterRotaChange(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: ROTA_QUERY_KEY });
  void queryClient.invalidateQueries({ queryKey: PROBLEMS_QUERY_KEY });
  void queryClient.invalidateQueries({ queryKey: ['sessions.week'] });
}

/** 'YYYY-MM-DD' as 'dd-mm-jjjj', the notation the forms take. */
export const toDutchDate = (iso: string) => iso.split('-').reverse().join('-');
