import { generateKeyPair, type JsonWebKey } from 'node:crypto'
import { promisify } from 'node:util'

const generate = promisify(generateKeyPair)

/** The one algorithm the sandbox signs with: P-256 keys take about a millisecond, RSA-2048 100 to 500. */
export const SIGNING_ALGORITHM = 'ES256'

/** A fresh key for each start: nothing signed by an earlier run verifies, which is what a sandbox wants. */
export async function generateSigningKeys(): Promise<{ keys: JsonWebKey[] }> {
  const { privateKey } = await generate('ec', { namedCurve: 'P-256' })
  return { keys: [{ ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: SIGNING_ALGORITHM }] }
}
