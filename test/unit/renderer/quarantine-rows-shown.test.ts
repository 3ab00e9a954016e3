// The quarantine table says whether it shows every held row or only the newest ones.
import { describe, expect, it } from 'vitest';
import { quarantineRowsShownText } from '../../../src/renderer/features/quality/rows-shown-text.js';

describe('the quarantine rows shown', () => {
  it('says all when every row is there, and how many of how many otherwise', () => {
    expect(quarantineRowsShownText(50, 7)).toBe('Showing all 7 rows, newest first.');
    expect(quarantineRowsShownText(50, 1)).toBe('Showing all 1 row, newest first.');
    expect(quarantineRowsShownText(50, 50)).toBe('Showing all 50 rows, newest first.');
    expect(quarantineRowsShownText(50, 1071)).toBe('Showing the newest 50 of 1,071 rows.');
  });
});
