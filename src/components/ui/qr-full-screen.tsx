import { LazyQrCode } from './lazy-qr-code.tsx'
import { useState } from 'react'
import { Button } from './button.tsx'
import { ModalDialog } from './modal-dialog.tsx'

/** Byte capacity of a version-40 QR code at the lowest error correction; longer text cannot be drawn. */
const QR_CAPACITY_BYTES = 2_953

interface QrFullScreenProps {
  /** What the QR code encodes, e.g. the complete verification URI. */
  value: string
  /** The code a person types when they cannot scan, shown big beside the QR code. */
  code: string
  codeLabel: string
}

/** A button that shows a QR code filling the screen, for a room to scan from a projector. */
export function QrFullScreen({ value, code, codeLabel }: QrFullScreenProps) {
  const [open, setOpen] = useState(false)
  const fits = new TextEncoder().encode(value).length <= QR_CAPACITY_BYTES
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Show QR code full screen
      </Button>
      {open && (
        <ModalDialog title="Scan to continue" onClose={() => setOpen(false)} widthClass="max-w-[min(96vw,70rem)]">
          <div className="flex flex-col items-center gap-4">
            {fits ? (
              <div role="img" aria-label="Full-screen QR code" className="rounded-lg bg-white p-4">
                <LazyQrCode value={value} size={512} marginSize={0} aria-hidden="true" className="size-[min(70vh,80vw)]" />
              </div>
            ) : (
              <p className="text-sm">Too long for a QR code: open the link below instead.</p>
            )}
            <p className="text-center text-lg">
              {codeLabel}:{' '}
              <output aria-label={`Full-screen ${codeLabel.toLowerCase()}`} className="font-mono text-5xl font-bold tracking-widest">
                {code}
              </output>
            </p>
            <p className="max-w-full text-center font-mono text-sm break-all">{value}</p>
          </div>
        </ModalDialog>
      )}
    </>
  )
}
