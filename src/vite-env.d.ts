/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_SANDBOX_ISSUER?: string
  readonly VITE_SANDBOX_WWW_SECRET?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
