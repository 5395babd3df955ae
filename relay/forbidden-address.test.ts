import { describe, expect, test } from 'vitest'
import { isForbiddenAddress } from './forbidden-address.ts'

describe('isForbiddenAddress', () => {
  test.each([
    '169.254.169.254',
    '169.254.0.1',
    '0.0.0.0',
    '0.1.2.3',
    '::',
    '[::]',
    'fe80::1',
    'febf::1',
    'fe80::1%eth0',
    'fd00:ec2::254',
    '::ffff:169.254.169.254',
    '::ffff:a9fe:a9fe',
    '::ffff:0.0.0.0',
  ])('refuses %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(true)
  })

  test.each(['127.0.0.1', '10.0.0.1', '192.168.1.20', '169.253.1.1', '::1', 'fec0::1', 'fd00:ec2::253', '2001:db8::1', 'example.com'])(
    'lets %s through',
    (address) => {
      expect(isForbiddenAddress(address)).toBe(false)
    },
  )
})
