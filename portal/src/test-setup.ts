import { configure } from '@testing-library/react';

// findBy… waits 1 s by default: not enough for a screen test on a busy 2-core build machine
configure({ asyncUtilTimeout: 10_000 });
