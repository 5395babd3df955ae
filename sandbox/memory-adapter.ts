import type { Adapter, AdapterPayload } from 'oidc-provider'

/**
 * Keep records this long past their expiry. oidc-provider checks `exp` itself, so a kept record lets it answer
 * `expired_token` for an old device_code, where a dropped one would only give `invalid_grant` (not found).
 */
const RETAIN_AFTER_EXPIRY_MS = 10 * 60 * 1000
const SWEEP_EVERY_MS = 60 * 1000

interface StoredRecord {
  payload: AdapterPayload
  dropAt: number
}

export interface MemoryStore {
  /** The class oidc-provider instantiates per model over this store. */
  Adapter: new (model: string) => Adapter
  /** The live records of one model (`DeviceCode`, `Client`, ...), for read-only views such as the trainer page. */
  payloads(model: string): AdapterPayload[]
}

/**
 * A fresh in-memory store for one sandbox and the adapter class oidc-provider instantiates per model over it.
 * Own adapter rather than the bundled one, which warns at start and shares one store across providers.
 * `onChange` hears of every write (the model's name only), so a live view knows when to look again.
 */
export function createMemoryStore(onChange: (model: string) => void = () => undefined): MemoryStore {
  const records = new Map<string, StoredRecord>()
  /** `userCode:…` and `sessionUid:…` lookups, each pointing at a record key. */
  const index = new Map<string, string>()
  const grants = new Map<string, Set<string>>()
  let lastSweep = Date.now()

  function sweep(now: number) {
    if (now - lastSweep < SWEEP_EVERY_MS) return
    lastSweep = now
    for (const [key, record] of records) if (record.dropAt <= now) records.delete(key)
    for (const [name, key] of index) if (!records.has(key)) index.delete(name)
    for (const [grantId, keys] of grants) {
      for (const key of keys) if (!records.has(key)) keys.delete(key)
      if (keys.size === 0) grants.delete(grantId)
    }
  }

  function live(key: string | undefined): AdapterPayload | undefined {
    if (key === undefined) return undefined
    const record = records.get(key)
    if (!record || record.dropAt <= Date.now()) return undefined
    return record.payload
  }

  function payloads(model: string): AdapterPayload[] {
    const prefix = `${model}:`
    const now = Date.now()
    const found: AdapterPayload[] = []
    for (const [key, record] of records) if (record.dropAt > now && key.startsWith(prefix)) found.push(record.payload)
    return found
  }

  class MemoryAdapter implements Adapter {
    constructor(private readonly model: string) {}

    private key(id: string) {
      return `${this.model}:${id}`
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number) {
      const now = Date.now()
      sweep(now)
      const key = this.key(id)
      // Clients are stored without a lifetime: they live as long as the process.
      const dropAt = expiresIn === undefined ? Infinity : now + expiresIn * 1000 + RETAIN_AFTER_EXPIRY_MS
      records.set(key, { payload, dropAt })
      if (payload.grantId) grants.set(payload.grantId, (grants.get(payload.grantId) ?? new Set()).add(key))
      if (payload.userCode) index.set(`userCode:${payload.userCode}`, key)
      if (this.model === 'Session' && payload.uid) index.set(`sessionUid:${payload.uid}`, key)
      onChange(this.model)
    }

    async find(id: string) {
      return live(this.key(id))
    }

    async findByUserCode(userCode: string) {
      return live(index.get(`userCode:${userCode}`))
    }

    async findByUid(uid: string) {
      return live(index.get(`sessionUid:${uid}`))
    }

    async consume(id: string) {
      const payload = live(this.key(id))
      if (payload) payload.consumed = Math.floor(Date.now() / 1000)
      onChange(this.model)
    }

    async destroy(id: string) {
      records.delete(this.key(id))
      onChange(this.model)
    }

    async revokeByGrantId(grantId: string) {
      for (const key of grants.get(grantId) ?? []) records.delete(key)
      grants.delete(grantId)
      onChange(this.model)
    }
  }

  return { Adapter: MemoryAdapter, payloads }
}

/** The adapter class over a fresh store nobody else reads. */
export function createMemoryAdapter(): new (model: string) => Adapter {
  return createMemoryStore().Adapter
}
