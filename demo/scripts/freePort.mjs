import { createServer } from 'node:net';

/**
 * A free local port, for wrangler's inspector: it would otherwise take 9229 and clash with a second instance.
 * @returns {Promise<number>}
 */
export const freePort = () =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
