import { describe, expect, it } from 'vitest'
import { compareGrantedScope } from './granted-scope.ts'

describe('compareGrantedScope', () => {
  it('is null when the server granted what was asked, in any order and spacing', () => {
    expect(compareGrantedScope('openid profile', 'profile  openid')).toBeNull()
  })

  it('is null when the reply leaves scope out (granted as requested) or nothing was asked', () => {
    expect(compareGrantedScope('openid profile', undefined)).toBeNull()
    expect(compareGrantedScope('  ', 'read')).toBeNull()
  })

  it('names what was not granted and what was added', () => {
    expect(compareGrantedScope('openid profile bogus', 'openid profile read')).toEqual({
      notGranted: ['bogus'], added: ['read'], offlineAccessWithoutConsent: false,
    })
  })

  it('says offline_access needs prompt=consent when it was dropped from a request without it (OIDC Core §11)', () => {
    expect(compareGrantedScope('openid offline_access', 'openid')?.offlineAccessWithoutConsent).toBe(true)
    expect(compareGrantedScope('openid offline_access', 'openid', 'login')?.offlineAccessWithoutConsent).toBe(true)
    expect(compareGrantedScope('openid offline_access', 'openid', 'login consent')?.offlineAccessWithoutConsent).toBe(false)
  })

  it('treats an empty granted scope as nothing granted', () => {
    expect(compareGrantedScope('read', '')).toEqual({ notGranted: ['read'], added: [], offlineAccessWithoutConsent: false })
  })
})
