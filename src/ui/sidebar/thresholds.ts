/**
 * The KPI threshold sidebar: choose a KPI, edit its warning and critical limits and its direction, and
 * see the status the new limits would give before saving. Same schema as the server.
 */
import { kpiStatus, resolveThresholds } from '../../core';
import type { KpiView, ThresholdPageData } from '../threshold-handlers';
import {
  parsedLimits,
  type ThresholdErrors,
  type ThresholdForm,
  validateThresholdForm,
} from '../threshold-schema';
import { byId, h, initialData, replaceChildren, setFieldError } from './dom';
import { submitCycle } from './form';
import { shown, statusClass } from './format';
import { callServer } from './server';

const FIELDS = ['kpi', 'warning', 'critical', 'direction', 'form'] as const;
const data = initialData<ThresholdPageData>();
const kpis = new Map(data.kpis.map((k) => [`${k.sheet}\u0000${k.name}`, k]));

const form = byId<HTMLFormElement>('thresholds');
const picker = byId<HTMLSelectElement>('kpi');
const submit = byId<HTMLButtonElement>('submit');
const input = (name: string) => byId<HTMLInputElement | HTMLSelectElement>(name);

function selected(): KpiView | undefined {
  return kpis.get(picker.value);
}

function fillPicker(): void {
  const sheets = [...new Set(data.kpis.map((k) => k.sheet))];
  replaceChildren(
    picker,
    h('option', { value: '' }, data.kpis.length ? 'Choose a KPI…' : 'No KPIs yet: connect a KPI table first'),
    ...sheets.map((sheet) =>
      h(
        'optgroup',
        { label: sheet },
        ...data.kpis
          .filter((k) => k.sheet === sheet)
          .map((k) => h('option', { value: `${k.sheet}\u0000${k.name}` }, k.name)),
      ),
    ),
  );
}

function readForm(): ThresholdForm {
  const kpi = selected();
  return {
    sheet: kpi?.sheet ?? '',
    kpi: kpi?.name ?? '',
    warning: input('warning').value,
    critical: input('critical').value,
    direction: input('direction').value as ThresholdForm['direction'],
  };
}

function loadFields(kpi: KpiView | undefined): void {
  // As the sheet shows them ("98.0%"): the form reads percentages and plain numbers alike.
  input('warning').value = kpi?.shown.warning ?? '';
  input('critical').value = kpi?.shown.critical ?? '';
  input('direction').value = kpi && ['higher', 'lower'].includes(kpi.direction) ? kpi.direction : '';
  (input('direction') as HTMLSelectElement).disabled = !kpi?.hasDirection;
}

/** The status the limits typed so far would give the current value. */
function preview(): void {
  const kpi = selected();
  const slot = byId('preview');
  if (!kpi) {
    replaceChildren(slot);
    return;
  }
  const checked = validateThresholdForm(readForm());
  let verdict: string | null = null;
  if (checked.ok && typeof kpi.value === 'number') {
    const { warning, critical, direction } = parsedLimits(checked.form);
    verdict = kpiStatus(kpi.value, resolveThresholds(warning, critical, direction));
  }
  replaceChildren(
    slot,
    h(
      'div',
      { class: 'card-head' },
      h('strong', {}, `${kpi.shown.value || shown(kpi.value)} ${kpi.unit === '%' ? '' : kpi.unit}`.trim()),
      h('span', { class: statusClass(kpi.status) }, kpi.status ?? 'Not judged'),
    ),
    kpi.problem ? h('p', { class: 'error' }, kpi.problem) : null,
    verdict && verdict !== kpi.status
      ? h('p', { class: 'muted' }, 'With these limits: ', h('span', { class: statusClass(verdict) }, verdict))
      : null,
  );
}

function showErrors(errors: ThresholdErrors): void {
  for (const field of FIELDS) setFieldError(field, errors[field]);
}

function onSubmit(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  byId('status').textContent = '';
  return submitCycle({
    button: submit,
    idleLabel: 'Save limits',
    read: readForm,
    validate: validateThresholdForm,
    send: (form) => callServer('sidebarSaveThresholds', form),
    showErrors,
    saved: ({ kpi }) => {
      kpis.set(`${kpi.sheet}\u0000${kpi.name}`, kpi);
      preview();
      byId('status').textContent = `Saved: ${kpi.name} is ${kpi.status ?? 'not judged'}.`;
    },
  });
}

fillPicker();
picker.addEventListener('change', () => {
  showErrors({});
  loadFields(selected());
  preview();
});
for (const name of ['warning', 'critical', 'direction']) input(name).addEventListener('input', preview);
form.addEventListener('submit', (event) => void onSubmit(event));
