/**
 * Which way a KPI is better, guessed from its name the way a reader would: "Response time" and "Churn
 * rate" are better low, "Revenue" and "Weekly leads" better high. Only a name that says one thing
 * counts; a name with words of both kinds ("Cost per lead") or of neither says nothing, and the caller
 * asks or falls back rather than guessing.
 */
import type { Direction } from './kpi';

/** Words (singular, lower case) whose KPI is better when low. */
const LOWER_WORDS: ReadonlySet<string> = new Set([
  'time',
  'leadtime',
  'duration',
  'cost',
  'expense',
  'churn',
  'churned',
  'attrition',
  'turnover',
  'defect',
  'error',
  'failure',
  'incident',
  'latency',
  'bug',
  'complaint',
  'downtime',
  'outage',
  'delay',
  'backlog',
  'abandonment',
  'bounce',
  'escalation',
  'refund',
  'waste',
  'scrap',
  'rework',
  'absenteeism',
  'overdue',
  'cac',
  'mttr',
]);

/** Words whose KPI is better when high. */
const HIGHER_WORDS: ReadonlySet<string> = new Set([
  'revenue',
  'sale',
  'lead',
  'nps',
  'conversion',
  'retention',
  'profit',
  'margin',
  'satisfaction',
  'csat',
  'uptime',
  'ontime',
  'availability',
  'signup',
  'growth',
  'engagement',
  'adoption',
  'booking',
  'win',
  'arr',
  'mrr',
  'ltv',
  'roi',
  'yield',
  'throughput',
  'productivity',
  'accuracy',
  'coverage',
]);

/** Two-word terms that mean something else than their words: "lead time" is a time, not leads. */
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\blead[\s_-]*times?\b/g, ' leadtime '],
  [/\bon[\s_-]*time\b/g, ' ontime '],
];

/** The words of a name, lower case, with plurals folded ("Defects" -> "defect", "Sales" -> "sale"). */
function wordsOf(text: string): string[] {
  let lowered = text.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  for (const [phrase, word] of PHRASES) lowered = lowered.replace(phrase, word);
  return lowered
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) =>
      word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
    );
}

/** 'lower' or 'higher' when the name's words all point one way; null when they point both ways or none. */
export function directionFromWords(text: string): Direction | null {
  let lower = false;
  let higher = false;
  for (const word of wordsOf(text)) {
    if (LOWER_WORDS.has(word)) lower = true;
    if (HIGHER_WORDS.has(word)) higher = true;
  }
  if (lower === higher) return null;
  return lower ? 'lower' : 'higher';
}
