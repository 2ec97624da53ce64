import { defineMessages } from '../core/messages.js';

/** Labels of simulate's terminal output. */
export const rl = defineMessages('simulation.render', {
  standardError: { zh: '（标准误）', en: ' (SE)' },
});
