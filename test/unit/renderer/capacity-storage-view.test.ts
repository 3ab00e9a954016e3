// The Capacity screen's verdict headline and storage chart agree with the limits they show: a
// verdict of one machine whose data held exceeds one machine's disk does not say "One machine is
// enough", no bar above the disk line is coloured "one machine", and the legend lists exactly the
// colours drawn.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../../src/shared/capacity/index.js';
import { estimateForm } from '../../../src/renderer/features/capacity/form-estimate.js';
import { diskOutgrownYear, storageBars } from '../../../src/renderer/features/capacity/storage-bars.js';
import { verdictHeadline } from '../../../src/renderer/features/capacity/verdict-headline.js';
import { exampleTexts } from '../../../src/renderer/stores/capacity/field-text.js';

function estimateOf(usersPerDay: string, bytesPerEvent: string) {
  const { estimate } = estimateForm({ ...exampleTexts(), usersPerDay, bytesPerEvent, freshness: 'daily' }, DEFAULT_PROFILE);
  if (!estimate) throw new Error('the inputs should estimate');
  return estimate;
}

describe('capacity verdict and storage chart', () => {
  it('does not call one machine enough when the data held outgrows its disk (the QA case: 36.5 TB against 10 TB)', () => {
    const estimate = estimateOf('100,000', '100,000');
    expect(estimate.verdict.kind).toBe('single-machine');
    expect(estimate.verdict.checks.find((c) => c.id === 'local-disk')?.triggered).toBe(true);
    const headline = verdictHeadline(estimate.verdict);
    expect(headline.title).not.toBe('One machine is enough');
    expect(headline.title).toBe('One machine can process it, but not keep all the data');
    expect(headline.summary).toContain('disk');
    expect(headline.tone).toBe('warn');
    // Every bar is above the 10 TB line: none is plain "one machine".
    const { data, legend } = storageBars(estimate);
    expect(data.map((d) => d.tone)).toEqual(['over', 'over', 'over', 'over']);
    expect(legend).toEqual([{ tone: 'over', label: 'one machine, but more data than its disk holds (10 TB, advisory)' }]);
  });

  it('colours each year by whether it is above the disk line, and lists only the colours drawn', () => {
    // 7.3 TB now, 10.5 TB in year 2: the later bars cross the 10 TB line.
    const estimate = estimateOf('1,000,000', '2,000');
    expect(verdictHeadline(estimate.verdict)).toEqual({ title: 'One machine is enough', summary: estimate.verdict.summary, tone: 'ok' });
    const disk = estimate.profile.localDiskBytes.value;
    const { data, legend } = storageBars(estimate);
    for (const bar of data) expect(bar.tone, bar.label).toBe(bar.value > disk ? 'over' : 'ok');
    expect(data.map((d) => d.tone)).toEqual(['ok', 'ok', 'over', 'over']);
    expect(legend.map((l) => l.tone)).toEqual(['ok', 'over']);
    expect(data[2]?.description).toContain("more than one machine's disk");
    // The verdict says when growth takes the data past the disk.
    expect(diskOutgrownYear(estimate)).toBe(2);
    expect(diskOutgrownYear(estimateOf('100,000', '100,000'))).toBeUndefined();
  });

  it('keeps the verdict\'s own headline for a buffer or a cluster', () => {
    const estimate = estimateForm(exampleTexts(), DEFAULT_PROFILE).estimate;
    if (!estimate) throw new Error('the example should estimate');
    expect(verdictHeadline(estimate.verdict)).toMatchObject({ title: 'A streaming buffer is needed', tone: 'warn' });
    expect(storageBars(estimate).legend.map((l) => l.tone)).toEqual(['warn']);
  });
});
