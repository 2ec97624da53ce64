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

export function starterFiles(standardText: string): StarterFile[] {
  const communities = planRoster(STARTER_ROSTER);
  const weak = communities[1]!.community;
  const roster = [...rosterCsvChunks(generateRoster(STARTER_ROSTER), { bom: true })].join('');
  return [
    { name: 'drill.yaml', content: starterDrill(weak) },
    { name: 'standard.yaml', content: standardText },
    { name: 'roster.csv', content: roster },
  ];
}

function starterDrill(weak: string): string {
  return `# hhsurvey drill file: one mock door-to-door assessment (模拟入户调查), run with
#   hhsurvey drill drill.yaml --out out
# It checks the roster, draws the sample, makes synthetic fieldwork (or reads your real
# responses), scores against the standard, and writes sample, responses and reports to --out.
# Paths are relative to this file.

name: 模拟测评演练 (starter drill)

# The drill date (YYYY-MM-DD). Leave it out to use today (China time).
# date: 2026-11-28

# Household roster (户册): .xlsx, or CSV in UTF-8 or GB18030, Chinese or English headers.
roster: roster.csv

# Random seed of the draw. \`date\` uses the drill date, so every week's drill draws new households
# and any past drill can be re-drawn; fixed text (e.g. 2026-q4-drill) draws the same sample every run.
seed: date

sampling:
  by: [street, community] # one sample per community (社区), reported per sub-district (街道)
  size: 22 # households per community
  reserve: 5 # reserve households per community, used in rank order
  method: systematic # spread over grids and buildings; or random
  # mask: pii                          # mask names, phones and ID-card numbers in the sample lists
  # sheet: 户册                        # .xlsx roster: the sheet to read (default: the first visible)
  # fill_down: [街道, 社区]            # merged cells saved as CSV: blanks take the value above
  # exclude: [../last-drill/sample.csv]   # do not re-interview last drill's households

# Evaluation standard: questions, indicators, thresholds. A copy of the built-in one; edit it.
standard: standard.yaml

# Synthetic fieldwork: true rates per indicator, and field conditions. Replace this section with
#   responses: [team1.csv, team2.csv]
# (files from \`hhsurvey interview\`) to score a real assessment; then fix the seed, so that the
# drill draws the sample the interviewers worked from.
synthetic:
  rates:
    awareness: 0.98
    support: 0.98
    participation: 0.95
    satisfaction: 0.97
    core_values: 0.97
  strata:
    ${weak}: { participation: 0.55, awareness: 0.75 } # a weak community, to show a failure
  response_rate: 0.85
  not_sure: 0.02
`;
}
