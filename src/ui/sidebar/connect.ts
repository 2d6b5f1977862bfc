/**
 * The confirm step of Connect: every header of the table with the role it becomes (or "left alone"),
 * what the missing roles mean for the result, and a drop-down per column to correct it. Choosing a
 * role another column had leaves that column alone, so a role is never given twice. Same schema as
 * the server; nothing is written until Connect, and Cancel closes without a call.
 */
import { missingRoles, type TableKind } from '../../core';
import {
  type ConnectErrors,
  type ConnectForm,
  type ConnectPageData,
  type ConnectResult,
  chosenMap,
  proposalForm,
  validateConnectForm,
} from '../connect-schema';
import { byId, h, initialData, replaceChildren, setFieldError } from './dom';
import { submitCycle } from './form';
import { callServer, closeSidebar } from './server';

const FIELDS = ['kind', 'roles', 'direction', 'tolerance', 'form'] as const;
const KIND_NAMES: Readonly<Record<TableKind, string>> = { kpi: 'a KPI table', okr: 'a table of key results' };
const data = initialData<ConnectPageData>();
// The choices under each kind, so switching the kind and back keeps what the user chose.
const choices: Record<TableKind, Record<string, string>> = {
  kpi: { ...data.proposed.kpi },
  okr: { ...data.proposed.okr },
};
let kind: TableKind | null = data.kind;
let connected = false;

const submit = byId<HTMLButtonElement>('submit');
const cancel = byId<HTMLButtonElement>('cancel');
const direction = byId<HTMLSelectElement>('direction');
const tolerance = byId<HTMLInputElement>('tolerance');

function roleSelect(column: number, letter: string, header: string, current: TableKind): HTMLSelectElement {
  const select = h(
    'select',
    { name: `role-${column}`, 'aria-label': `What column ${letter} ("${header}") becomes` },
    h('option', { value: '' }, 'Left alone'),
    ...data.roles[current].map((role) => h('option', { value: role.field }, role.label)),
  );
  select.value = choices[current][String(column)] ?? '';
  select.addEventListener('change', () => {
    const role = select.value;
    // A role belongs to one column: the column that had it is left alone now.
    if (role !== '') {
      for (const [other, had] of Object.entries(choices[current]))
        if (had === role) choices[current][other] = '';
    }
    choices[current][String(column)] = role;
    render();
  });
  return select;
}

function renderColumns(current: TableKind): void {
  replaceChildren(
    byId('columns'),
    ...data.columns.map(({ column, letter, header }) =>
      h(
        'tr',
        { class: choices[current][String(column)] ? '' : 'alone' },
        h('th', { scope: 'row' }, h('span', { class: 'letter' }, letter), ' ', header),
        h('td', {}, roleSelect(column, letter, header, current)),
      ),
    ),
  );
}

function renderMissing(current: TableKind): void {
  const missing = missingRoles(current, chosenMap({ roles: choices[current] }));
  replaceChildren(
    byId('missing'),
    missing.length === 0
      ? h('p', { class: 'muted' }, 'Every role has a column.')
      : h(
          'div',
          { class: 'card' },
          h('strong', {}, 'Missing'),
          h(
            'ul',
            { class: 'missing' },
            ...missing.map((role) =>
              h(
                'li',
                { class: role.required ? 'required' : '' },
                role.required ? `${role.note} (needed)` : role.note,
              ),
            ),
          ),
        ),
  );
}

function render(): void {
  byId('intro').textContent = `Header on row ${data.headerRow} of "${data.sheet}".${
    data.connected ? ' This table is connected already: connecting again replaces its mapping.' : ''
  }`;
  byId('kind-because').textContent =
    kind === null
      ? 'The headers do not say whether this is a table of KPIs or of key results: choose one.'
      : kind === data.kind && data.because
        ? `Read as ${KIND_NAMES[kind]} because of the "${data.because}" column.`
        : '';
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="kind"]'))
    radio.checked = radio.value === kind;
  byId('mapping').hidden = kind === null;
  byId('kpi-defaults').hidden = kind !== 'kpi';
  if (kind === null) return;
  renderColumns(kind);
  renderMissing(kind);
}

function readForm(): ConnectForm {
  const form = proposalForm(data, kind);
  return {
    ...form,
    roles: kind ? { ...form.roles, ...choices[kind] } : form.roles,
    direction: direction.value as ConnectForm['direction'],
    tolerance: tolerance.value,
  };
}

function showErrors(errors: ConnectErrors): void {
  for (const field of FIELDS) setFieldError(field, errors[field]);
}

function done(summary: string): void {
  connected = true;
  byId('status').textContent = summary;
  byId('status').scrollIntoView();
  for (const control of document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select'))
    control.disabled = true;
  submit.hidden = true;
  cancel.textContent = 'Close';
  byId('promise').hidden = true;
}

function onSubmit(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  return submitCycle<ConnectForm, ConnectResult>({
    button: submit,
    idleLabel: 'Connect',
    read: readForm,
    validate: validateConnectForm,
    send: (form) => callServer('sidebarConnectTable', form),
    showErrors,
    saved: (reply) => done(reply.summary),
    locked: () => connected,
  });
}

direction.value = data.direction.proposed;
byId('direction-because').textContent = data.direction.because
  ? `${data.direction.proposed ? 'Proposed: ' : 'Not set: '}${data.direction.because}.`
  : '';
tolerance.value = data.tolerance;
for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="kind"]')) {
  radio.addEventListener('change', () => {
    kind = radio.value as TableKind;
    showErrors({});
    render();
  });
}
byId<HTMLFormElement>('connect').addEventListener('submit', (event) => void onSubmit(event));
cancel.addEventListener('click', () => closeSidebar());
render();
