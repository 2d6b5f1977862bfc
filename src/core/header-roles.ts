/**
 * What a header says about its column, scored the way a person weighs it. Each role has the phrases
 * teams write for it, each with a strength; a header scores for a role by its strongest phrase, less
 * when the phrase covers only part of the header. Some words decide on their own: a column whose
 * header says it is a description, a note, a source, an identifier, a date, a previous or forecast
 * value, or a computed column (variance, trend, progress) is the user's own and left alone.
 */
import { headerWords } from './header-words';
import { lazy } from './lazy';

/** The roles a header can be read as: the input columns of both kinds of table. */
export type HeaderRole =
  | 'name'
  | 'value'
  | 'target'
  | 'warning'
  | 'critical'
  | 'direction'
  | 'owner'
  | 'unit'
  | 'suddenLimit'
  | 'tolerance'
  | 'objective'
  | 'keyResult'
  | 'kind'
  | 'start'
  | 'current'
  | 'weight'
  | 'confidence'
  | 'linkedKpi'
  | 'commit'
  | 'stretch';

type Phrases = Readonly<Record<string, number>>;

const CURRENT: Phrases = {
  current: 1,
  actual: 1,
  'current value': 1,
  'actual value': 1,
  'current status': 0.9,
  value: 0.8,
  latest: 0.85,
  achieved: 0.8,
  'to date': 0.7,
  measured: 0.6,
  now: 0.6,
  observed: 0.5,
  result: 0.5,
};

const TARGET: Phrases = {
  target: 1,
  'target value': 1,
  goal: 0.85,
  'goal value': 1,
  'objective value': 0.8,
  plan: 0.6,
  planned: 0.6,
  budget: 0.6,
  aim: 0.6,
};

const OWNER: Phrases = {
  owner: 1,
  'owner email': 1,
  'owner e mail': 1,
  'person responsible': 1,
  responsible: 0.9,
  accountable: 0.9,
  assignee: 0.9,
  'assigned to': 0.9,
  dri: 0.9,
  contact: 0.6,
  lead: 0.6,
};

export const ROLE_PHRASES: Readonly<Record<HeaderRole, Phrases>> = {
  name: {
    kpi: 1,
    'kpi name': 1,
    'kpi title': 0.9,
    'key performance indicator': 1,
    'performance indicator': 0.95,
    metric: 0.95,
    'metric name': 1,
    'metric title': 0.9,
    indicator: 0.85,
    measure: 0.8,
    'measure name': 0.9,
    name: 0.7,
    title: 0.6,
  },
  value: CURRENT,
  current: CURRENT,
  target: TARGET,
  owner: OWNER,
  warning: {
    warning: 1,
    'warning threshold': 1,
    'warning limit': 1,
    'warning level': 1,
    warn: 0.95,
    amber: 0.8,
    threshold: 0.7,
    yellow: 0.7,
    min: 0.65,
    minimum: 0.65,
  },
  critical: {
    critical: 1,
    'critical threshold': 1,
    'critical limit': 1,
    'critical level': 1,
    crit: 0.9,
    'red line': 0.9,
    alarm: 0.8,
    breach: 0.8,
    red: 0.75,
  },
  direction: {
    direction: 1,
    polarity: 1,
    'good direction': 1,
    'desired direction': 1,
    'better when': 1,
    'higher is better': 1,
    'lower is better': 1,
    'higher or lower': 1,
    better: 0.8,
    'good if': 0.8,
  },
  unit: {
    unit: 1,
    uom: 1,
    'unit of measure': 1,
    'unit of measurement': 1,
    'measurement unit': 0.95,
  },
  suddenLimit: {
    'sudden change limit': 1,
    'sudden change': 0.9,
    'change limit': 0.9,
    'change threshold': 0.9,
    'max change': 0.9,
    'alert on change': 0.8,
  },
  tolerance: {
    tolerance: 1,
    'target tolerance': 1,
    'near target': 0.9,
    'allowed deviation': 0.9,
    'acceptable deviation': 0.9,
    'tolerance band': 1,
  },
  objective: {
    objective: 1,
    'objective title': 1,
    'objective name': 1,
    'parent objective': 0.9,
    goal: 0.8,
    o: 0.6,
  },
  keyResult: {
    'key result': 1,
    'key result name': 1,
    'key result title': 1,
    kr: 1,
    'kr name': 1,
    'kr title': 1,
    'measurable outcome': 0.7,
    result: 0.6,
    name: 0.55,
    title: 0.5,
  },
  kind: {
    kind: 0.9,
    'key result type': 1,
    'kr type': 1,
    'measure type': 0.9,
    type: 0.8,
    scoring: 0.6,
  },
  start: {
    baseline: 1,
    'start value': 1,
    'starting value': 1,
    'initial value': 1,
    'starting point': 1,
    'start point': 1,
    start: 0.9,
    base: 0.85,
    initial: 0.85,
    begin: 0.7,
    beginning: 0.7,
    from: 0.6,
  },
  weight: { weight: 1, weighting: 1, importance: 0.8 },
  confidence: { confidence: 1, 'confidence level': 1 },
  linkedKpi: { 'linked kpi': 1, 'tracks kpi': 1, 'linked metric': 1, kpi: 0.7, metric: 0.65 },
  commit: { commit: 1, committed: 1, 'commit value': 1, 'committed value': 1, 'commit level': 1 },
  stretch: { stretch: 1, 'stretch target': 1, 'stretch goal': 1, 'stretch value': 1 },
};

/**
 * Words that make a column the user's own whatever else its header says (unless a role's phrase
 * covers them, as "sudden change limit" covers "change"): descriptive text, identifiers, dates,
 * other periods' values and computed columns.
 */
const USERS_OWN = new Set([
  'description',
  'desc',
  'note',
  'comment',
  'remark',
  'source',
  'frequency',
  'cadence',
  'category',
  'link',
  'url',
  'formula',
  'calculation',
  'method',
  'id',
  'identifier',
  'uuid',
  'code',
  'key',
  'version',
  'previous',
  'prior',
  'prev',
  'last',
  'next',
  'forecast',
  'projected',
  'projection',
  'variance',
  'delta',
  'change',
  'weighted',
  'trend',
  'progress',
  'completion',
  'gap',
  'date',
  'updated',
  'created',
  'timestamp',
  'deadline',
  'due',
  'history',
  'sparkline',
  'signal',
  'alert',
]);

/** Phrases that make a column the user's own the same way. */
const USERS_OWN_PHRASES = ['percent of', 'of target'];

/** Columns the add-on computes itself: a header that is mostly one of these is left alone. */
const COMPUTED: Phrases = { status: 0.9, score: 0.9, health: 0.9, rag: 0.9, grade: 0.9 };

/** Periods, fillers and units: they qualify a header without saying what the column is. */
const NEUTRAL = new Set([
  'the',
  'a',
  'an',
  'of',
  'in',
  'for',
  'and',
  'percent',
  'ytd',
  'mtd',
  'qtd',
  'fy',
  'day',
  'daily',
  'week',
  'weekly',
  'month',
  'monthly',
  'quarter',
  'quarterly',
  'year',
  'yearly',
  'annual',
  'period',
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
]);

function isNeutral(word: string): boolean {
  return NEUTRAL.has(word) || /^(q[1-4]|h[12]|fy\d+|\d+)$/.test(word);
}

/** Words that say which kind of table the column belongs to rather than what it holds. */
const QUALIFIERS = new Set([
  'kpi',
  'metric',
  'measure',
  'indicator',
  'kr',
  'okr',
  'objective',
  'key',
  'result',
]);
const NAMING = new Set(['name', 'title', 'label']);

const phraseWords = (phrases: Phrases) => Object.keys(phrases).flatMap((p) => p.split(' '));

/** Every word the add-on reads in headers (used to split glued words such as "currentvalue"). */
const knownWords = lazy(
  (): ReadonlySet<string> =>
    new Set([...Object.values(ROLE_PHRASES).flatMap(phraseWords), ...phraseWords(COMPUTED), ...USERS_OWN]),
);

/** Where `phrase` (words) occurs in `words`, as the indexes it covers; null when it does not. */
function find(words: readonly string[], phrase: readonly string[]): number[] | null {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((w, k) => words[i + k] === w)) return phrase.map((_, k) => i + k);
  }
  return null;
}

interface Match {
  readonly score: number;
  readonly covered: ReadonlySet<number>;
}

function match(words: readonly string[], phrases: Phrases): Match | null {
  const countable = words.filter((w) => !isNeutral(w)).length;
  if (countable === 0) return null;
  const found = Object.entries(phrases).flatMap(([phrase, weight]) => {
    const at = find(words, phrase.split(' '));
    return at ? [{ at, weight }] : [];
  });
  if (found.length === 0) return null;
  // A phrase inside a longer one found here counts as part of it: "measurement unit" is not "unit".
  const inside = (a: number[], b: number[]) => a.length < b.length && a.every((i) => b.includes(i));
  const strength = Math.max(
    ...found.filter((f) => !found.some((g) => inside(f.at, g.at))).map((f) => f.weight),
  );
  const covered = new Set(found.flatMap((f) => f.at));
  const coverage = [...covered].filter((i) => !isNeutral(words[i] as string)).length / countable;
  return { score: strength * (0.6 + 0.4 * coverage), covered };
}

/** Drops "KPI", "KR", "Objective"… when the rest of the header says what the column is. */
function withoutQualifiers(words: readonly string[]): readonly string[] {
  if (words.some((w) => NAMING.has(w))) return words;
  const rest = words.filter((w) => !QUALIFIERS.has(w));
  const meaningful = rest.filter((w) => !isNeutral(w));
  return meaningful.length > 0 && meaningful.some((w) => knownWords().has(w)) ? rest : words;
}

/** Scores below this are no reading at all. */
export const MIN_SCORE = 0.5;

/**
 * How strongly `header` reads as each of `roles` (0 for none). A header that is the user's own
 * column (a note, an ID, a computed value) scores 0 for every role.
 */
export function scoreHeader(header: unknown, roles: readonly HeaderRole[]): Map<HeaderRole, number> {
  const scores = new Map<HeaderRole, number>();
  if (typeof header !== 'string') return scores;
  const words = withoutQualifiers(headerWords(header, knownWords()));
  const matches = roles.flatMap((role) => {
    const found = match(words, ROLE_PHRASES[role]);
    return found && found.score >= MIN_SCORE ? [{ role, ...found }] : [];
  });
  if (matches.length === 0) return scores;
  const best = matches.reduce((a, b) => (b.score > a.score ? b : a));
  const vetoed =
    words.some((w, i) => USERS_OWN.has(w) && !best.covered.has(i)) ||
    USERS_OWN_PHRASES.some((p) => find(words, p.split(' ')) !== null) ||
    (match(words, COMPUTED)?.score ?? 0) >= best.score;
  if (vetoed) return scores;
  for (const { role, score, covered } of matches) {
    // The current value yields to a word of another role beside it: "Current target" is a target.
    const qualified =
      (role === 'value' || role === 'current') &&
      matches.some(
        (m) => m.role !== 'value' && m.role !== 'current' && [...m.covered].some((i) => !covered.has(i)),
      );
    const final = qualified ? score / 2 : score;
    if (final >= MIN_SCORE) scores.set(role, final);
  }
  return scores;
}

/** The header's words, for deciding the kind of table. */
export function wordsOf(header: unknown): string[] {
  return typeof header === 'string' ? headerWords(header, knownWords()) : [];
}
