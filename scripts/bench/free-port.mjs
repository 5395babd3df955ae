import { createServer } from 'node:net'

/**
 * A port on 127.0.0.1 held open until `release()`: the bench needs the console's port before a build of
 * several minutes (the sandbox's CORS and the build name it), and a port merely found free at the start was
 * once taken by the time the console's server started.
 */
export function reservedPort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () =>
      resolvePort({ port: server.address().port, release: () => new Promise((resolveClosed) => server.close(() => resolveClosed())) }),
    )
  })
}

/** A port on 127.0.0.1 that nothing listens on right now, for a server started at once. */
export async function freePort() {
  const { port, release } = await reservedPort()
  await release()
  return port
}
