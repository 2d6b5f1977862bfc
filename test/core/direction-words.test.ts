import { directionFromWords } from '../../src/core';

describe('directionFromWords', () => {
  it.each([
    ['Average response time (ms)', 'lower'],
    ['Time to hire', 'lower'],
    ['Cost per hire ($)', 'lower'],
    ['Customer churn %', 'lower'],
    ['Defects per release', 'lower'],
    ['Errors', 'lower'],
    ['p95 latency', 'lower'],
    ['Open bugs', 'lower'],
    ['Customer complaints', 'lower'],
    ['Monthly downtime (min)', 'lower'],
    ['Lead time for changes', 'lower'],
    ['leadTime', 'lower'],
    ['support_ticket_backlog', 'lower'],
    ['Revenue ($)', 'higher'],
    ['Monthly Recurring Revenue', 'higher'],
    ['Weekly leads', 'higher'],
    ['NPS', 'higher'],
    ['Trial to paid conversion', 'higher'],
    ['On-time delivery', 'higher'],
    ['on time delivery %', 'higher'],
    ['Net sales', 'higher'],
    ['weeklySignups', 'higher'],
    ['Uptime', 'higher'],
  ])('%p -> %p', (name, direction) => {
    expect(directionFromWords(name)).toBe(direction);
  });

  it.each([
    'Cost per lead', // a cost of leads: both ways
    'Revenue lost to churn',
    'Headcount',
    'Inventory',
    'Tickets',
    '',
    '   ',
    'Temperature', // "time" only inside a longer word
    'Timeline adherence',
  ])('%p -> null (mixed or no telling word)', (name) => {
    expect(directionFromWords(name)).toBeNull();
  });
});
