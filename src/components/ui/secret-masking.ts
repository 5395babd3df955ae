import { createContext, useContext, useEffect, useState } from 'react'
import { loadOnce } from '../../lib/load-once.ts'

type MaskingRule = typeof import('../../protocol/masking.ts')

const maskingRule = loadOnce(() => import('../../protocol/masking.ts'))

/**
 * The protocol's masking rule, needed on screen only in presentation mode: loaded when that is switched on
 * (or read back on), not with the first view. Safe to call again; a failed load is tried again next time.
 */
export const loadMaskingRule: () => Promise<MaskingRule> = maskingRule.load

/** The masking rule if it has loaded, else null. */
export const loadedMaskingRule = (): MaskingRule | null => maskingRule.loaded() ?? null

/**
 * How secrets are shown on screen, decided once by the app and handed down through context so UI
 * pieces never reach into stores. The rule of what is secret is the protocol layer's masking rule.
 */
export interface SecretMasking {
  /** Presentation mode: every known secret is hidden on screen; one item at a time can be revealed. */
  presentation: boolean
  /** Replaces every known secret in a text with the mask (the identity when presentation is off). */
  redact: (text: string) => string
  /** How long a reveal lasts in presentation mode before the item hides again. */
  revealMs: number
}

export const DEFAULT_REVEAL_MS = 10_000

export const SecretMaskingContext = createContext<SecretMasking>({
  presentation: false,
  redact: (text) => text,
  revealMs: DEFAULT_REVEAL_MS,
})

export const useSecretMasking = () => useContext(SecretMaskingContext)

/**
 * A show/hide decision for one item's secrets. In presentation mode a reveal hides again on its own
 * after `revealMs`, so a screen shared with a room never keeps a credential up by accident.
 */
export function useTimedReveal(): [boolean, (revealed: boolean) => void] {
  const { presentation, revealMs } = useSecretMasking()
  const [revealed, setRevealed] = useState(false)
  useEffect(() => {
    if (!revealed || !presentation) return
    const timer = setTimeout(() => setRevealed(false), revealMs)
    return () => clearTimeout(timer)
  }, [revealed, presentation, revealMs])
  return [revealed, setRevealed]
}
