/**
 * The check-in sidebar: pick a key result, enter its new value (or done / not done), a confidence and
 * a comment. Validated here with the server's own schema; the form keeps what was typed on any error.
 */
import type { CheckInPageData, SidebarKeyResult } from '../check-in-handlers';
import { type CheckInForm, type FieldErrors, validateCheckInForm } from '../check-in-schema';
import { type Point, progressChart } from './chart';
import { byId, h, initialData, replaceChildren, setFieldError } from './dom';
import { submitCycle } from './form';
import { paceText, percent, shortDate, shown, statusClass } from './format';
import { callServer } from './server';

const FIELDS = ['krId', 'value', 'confidence', 'comment', 'form'] as const;

const data = initialData<CheckInPageData>();
const keyResults = new Map(data.keyResults.map((kr) => [kr.id, kr]));

const form = byId<HTMLFormElement>('check-in');
const picker = byId<HTMLSelectElement>('krId');
const submit = byId<HTMLButtonElement>('submit');

function selected(): SidebarKeyResult | undefined {
  return keyResults.get(picker.value);
}

/** Score first: a long key-result name is cut off at the sidebar's edge, its score should not be. */
function optionText(kr: SidebarKeyResult): string {
  return `${percent(kr.score)} · ${kr.name}`;
}

function fillPicker(): void {
  const groups = new Map<string, SidebarKeyResult[]>();
  for (const kr of data.keyResults) {
    const objective = kr.objective || 'No objective';
    groups.set(objective, [...(groups.get(objective) ?? []), kr]);
  }
  replaceChildren(
    picker,
    h('option', { value: '' }, data.keyResults.length ? 'Choose a key result…' : 'No key results yet'),
    ...[...groups].map(([objective, krs]) =>
      h('optgroup', { label: objective }, ...krs.map((kr) => h('option', { value: kr.id }, optionText(kr)))),
    ),
  );
  picker.value = data.selectedId && keyResults.has(data.selectedId) ? data.selectedId : '';
}

function renderCard(kr: SidebarKeyResult | undefined): void {
  const card = byId('kr-card');
  if (!kr) {
    replaceChildren(card);
    return;
  }
  const range =
    kr.kind === 'milestone'
      ? `Milestone: ${shown(kr.current)}`
      : `Now ${kr.shown.current || '–'} · target ${kr.shown.target || '–'}${kr.kind === 'linear' ? ` · from ${kr.shown.start || '0'}` : ''}`;
  replaceChildren(
    card,
    h(
      'div',
      { class: 'card-head' },
      h('strong', {}, percent(kr.score)),
      h('span', { class: statusClass(kr.status) }, kr.status ?? 'Not scored'),
    ),
    h('p', { class: 'muted' }, range),
    kr.pace === null ? null : h('p', { class: 'pace' }, paceText(kr.pace)),
    kr.signal ? h('p', { class: 'note warn' }, kr.signal) : null,
    kr.owner ? h('p', { class: 'muted' }, `Owner: ${kr.owner}`) : null,
    kr.problem ? h('p', { class: 'error' }, kr.problem) : null,
    kr.linkedKpi
      ? h(
          'p',
          { class: 'note' },
          `Follows the KPI "${kr.linkedKpi}": Refresh updates its value. Check in your confidence and a comment.`,
        )
      : null,
  );
}

function renderValueField(kr: SidebarKeyResult | undefined): void {
  const milestone = kr?.kind === 'milestone';
  const linked = !!kr?.linkedKpi;
  byId('value-number').hidden = milestone || linked;
  byId('value-done').hidden = !milestone || linked;
}

function renderHistory(kr: SidebarKeyResult | undefined): void {
  const history = byId('history');
  if (!kr || kr.history.length === 0) {
    replaceChildren(history, kr ? h('p', { class: 'muted' }, 'No check-ins yet.') : null);
    return;
  }
  const points: Point[] = kr.history.flatMap((c) => {
    const value = typeof c.value === 'boolean' ? Number(c.value) : c.value;
    return typeof value === 'number' ? [{ time: Date.parse(c.time), value }] : [];
  });
  const target = typeof kr.target === 'number' ? kr.target : null;
  const start = typeof kr.start === 'number' ? kr.start : null;
  replaceChildren(
    history,
    h('h2', {}, 'History'),
    points.length > 1
      ? progressChart(
          points,
          kr.kind === 'milestone' ? 1 : target,
          start,
          kr.forecast && { time: Date.parse(kr.forecast.time), value: kr.forecast.value },
        )
      : null,
    kr.forecast
      ? h(
          'p',
          { class: 'muted small', id: 'projection' },
          `Dashed: the trend of this cycle's check-ins leads to ${shown(kr.forecast.value, kr.shown.current.endsWith('%'))} by ${shortDate(kr.forecast.time)}${kr.kind === 'milestone' ? '' : ` (target ${kr.shown.target || '–'})`}.`,
        )
      : null,
    h(
      'ol',
      { class: 'history' },
      ...kr.history.map((c) =>
        h(
          'li',
          {},
          h(
            'div',
            { class: 'history-head' },
            h('strong', {}, shown(c.value, kr.shown.current.endsWith('%'))),
            h('span', { class: 'muted' }, `${shortDate(c.time)} · confidence ${shown(c.confidence)}`),
          ),
          c.comment ? h('p', {}, c.comment) : null,
          h('p', { class: 'muted small' }, c.user),
        ),
      ),
    ),
  );
}

function render(): void {
  const kr = selected();
  renderCard(kr);
  renderValueField(kr);
  renderHistory(kr);
}

function showErrors(errors: FieldErrors): void {
  for (const field of FIELDS) setFieldError(field, errors[field]);
  const first = FIELDS.find((f) => errors[f] && f !== 'form');
  if (first) document.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
}

function readForm(): CheckInForm {
  const fields = new FormData(form);
  const kr = selected();
  return {
    krId: String(fields.get('krId') ?? ''),
    value: kr?.linkedKpi
      ? null
      : kr?.kind === 'milestone'
        ? fields.get('done') === 'yes'
        : String(fields.get('value') ?? ''),
    confidence: String(fields.get('confidence') ?? ''),
    comment: String(fields.get('comment') ?? ''),
  };
}

function countComment(): void {
  byId('comment-count').textContent = `${byId<HTMLTextAreaElement>('comment').value.length} / 1000`;
}

function setStatus(message: string): void {
  byId('status').textContent = message;
}

function onSubmit(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  setStatus('');
  return submitCycle({
    button: submit,
    idleLabel: 'Check in',
    read: readForm,
    validate: validateCheckInForm,
    send: (form) => callServer('sidebarSubmitCheckIn', form),
    showErrors,
    saved: ({ keyResult }) => {
      keyResults.set(keyResult.id, keyResult);
      const option = picker.querySelector<HTMLOptionElement>(`option[value="${CSS.escape(keyResult.id)}"]`);
      if (option) option.textContent = optionText(keyResult);
      byId<HTMLTextAreaElement>('comment').value = '';
      countComment();
      render();
      setStatus(`Checked in: ${keyResult.name} is now ${percent(keyResult.score)}.`);
    },
  });
}

byId('cycle').textContent = data.cycleName ? `Cycle ${data.cycleName}` : '';
fillPicker();
render();
picker.addEventListener('change', () => {
  showErrors({});
  setStatus('');
  render();
});
byId<HTMLTextAreaElement>('comment').addEventListener('input', countComment);
form.addEventListener('submit', (event) => void onSubmit(event));
