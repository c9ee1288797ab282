export const HANDOFF_QUEUE_KEY = ['cjib.queue'] as const;
