/** What every screen test's recording Api shares: a call counter, and no file to download. */
export function testApiBase() {
  return {
    calls: { count: 0 },
    file: async (): Promise<never> => {
      throw new Error('no file in this test');
    },
  };
}
