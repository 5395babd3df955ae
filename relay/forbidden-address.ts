import { isIP } from 'node:net'

/**
 * Addresses the relay never connects to, whoever asks: link-local (169.254.0.0/16, fe80::/10, which
 * hold cloud metadata services such as 169.254.169.254), the AWS IPv6 metadata address
 * fd00:ec2::254, and the unspecified addresses (0.0.0.0/8, ::), which reach this machine itself.
 * IPv4-mapped IPv6 forms (::ffff:169.254.169.254) are the same hosts and are refused alike.
 * RFC 3927, RFC 4291 §2.5.2 and §2.5.6, RFC 6890.
 */
export function isForbiddenAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  switch (isIP(bare)) {
    case 4:
      return isForbiddenIpv4(bare)
    case 6:
      return isForbiddenIpv6(bare)
    default:
      return false
  }
}

function isForbiddenIpv4(address: string): boolean {
  const [first, second] = address.split('.').map(Number)
  return first === 0 || (first === 169 && second === 254)
}

function isForbiddenIpv6(address: string): boolean {
  const groups = expandIpv6(address)
  if (!groups) return true
  if (groups.every((group) => group === 0)) return true
  // fe80::/10: the first ten bits are 1111 1110 10.
  if ((groups[0]! & 0xffc0) === 0xfe80) return true
  if (groups.join(':') === [0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254].join(':')) return true
  // ::ffff:a.b.c.d (IPv4-mapped) reaches the IPv4 host.
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff
  if (mapped) {
    const ipv4 = [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.')
    return isForbiddenIpv4(ipv4)
  }
  return false
}

/** Eight 16-bit groups, or null for text that is not IPv6 after all. */
function expandIpv6(address: string): number[] | null {
  let text = address.toLowerCase()
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number]
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const left = head === '' ? [] : head.split(':')
  const right = tail === undefined || tail === '' ? [] : tail.split(':')
  const missing = 8 - left.length - right.length
  if (tail === undefined ? missing !== 0 : missing < 1) return null
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right].map((group) => Number.parseInt(group, 16))
  return groups.length === 8 && groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : null
}
