import type { Lang } from '../core/i18n.js';
import { t } from '../core/messages.js';
import { st } from './starter.messages.js';
import { generateRoster, planRoster, rosterCsvChunks, type RosterSpec } from '../synth/roster.js';

/**
 * The starter drill folder `hhsurvey init` writes: a drill file that runs as is, a copy of the
 * standard to edit, and a small synthetic roster. Pure: file names and contents.
 */

export interface StarterFile {
  name: string;
  content: string;
}

export const STARTER_ROSTER: RosterSpec = {
  households: 1800,
  communities: 5,
  seed: 'hhsurvey-init',
  streets: ['全福街道', '洪家楼街道'],
};

export function starterFiles(standardText: string, lang: Lang = 'en'): StarterFile[] {
  const communities = planRoster(STARTER_ROSTER);
  const weak = communities[1]!.community;
  const roster = [...rosterCsvChunks(generateRoster(STARTER_ROSTER), { bom: true })].join('');
  return [
    { name: 'drill.yaml', content: starterDrill(weak, lang) },
    { name: 'standard.yaml', content: standardText },
    { name: 'roster.csv', content: roster },
  ];
}

function starterDrill(weak: string, lang: Lang): string {
  return t(lang, st.drillYaml, { weak });
}
