import { describe, expect, it } from 'vitest';
import { base64UrlToBytes } from './push';

describe('the VAPID key for applicationServerKey', () => {
  it('decodes base64url without padding into its 65 raw bytes', () => {
    const bytes = base64UrlToBytes('BMG1eWtR6G0k6L7oPK-2FF_y6guAfqvOc2q3FY98F4P8ySEXGNSTxY1nF1jzAnsXa9oqgJhDzDhC9wGjVlIaIi4');
    expect(bytes).toHaveLength(65);
    expect(bytes[0]).toBe(4);
    expect(bytes[64]).toBe(0x2e);
  });
});
