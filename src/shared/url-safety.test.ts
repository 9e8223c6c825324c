import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl } from './url-safety'

describe('isSafeExternalUrl', () => {
  it.each([
    'https://example.com/news/article?id=1#p2',
    'http://example.org/',
    'mailto:desk@example.com',
    'HTTPS://EXAMPLE.COM/',
  ])('lets %s open in the system browser', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'file://host/share',
    'smb://evil/share',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'chrome://settings',
    'about:blank',
    'blob:https://example.com/uuid',
    'https://user:pass@example.com/',
    'https://example.com\u0000.evil.com/',
    'http://',
    'https://',
    '//example.com/protocol-relative',
    '/relative/path',
    'mailto:',
    '',
    'x'.repeat(5000),
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })
})
