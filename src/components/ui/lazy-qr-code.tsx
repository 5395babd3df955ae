import { lazy, Suspense, type ComponentProps } from 'react'
import type { QRCodeSVG } from 'qrcode.react'

// The QR encoder is not part of the first view: it loads when the first QR code is drawn.
const LoadedQrCode = lazy(() => import('qrcode.react').then((module) => ({ default: module.QRCodeSVG })))

/** qrcode.react's QRCodeSVG, loaded on first use; a blank square of the same size while it loads. */
export function LazyQrCode(props: ComponentProps<typeof QRCodeSVG>) {
  const size = props.size ?? 128
  return (
    <Suspense fallback={<span className={`block ${props.className ?? ''}`} style={{ width: size, height: size }} />}>
      <LoadedQrCode {...props} />
    </Suspense>
  )
}
