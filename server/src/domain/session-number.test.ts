import { generateSessionNumber } from './session-number';

describe('generateSessionNumber', () => {
  it('gives 9 digits, never a leading zero', () => {
    for (let i = 0; i < 1000; i++) expect(generateSessionNumber()).toMatch(/^[1-9]\d{8}$/);
  });

  it('is not sequential: 1000 draws are distinct and not ordered', () => {
    const draws = Array.from({ length: 1000 }, generateSessionNumber);
    expect(new Set(draws).size).toBeGreaterThanOrEqual(999);
    const increasing = draws.every((n, i) => i === 0 || Number(n) > Number(draws[i - 1]));
    expect(increasing).toBe(false);
  });
});
