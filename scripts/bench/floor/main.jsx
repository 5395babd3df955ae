// The floor the bench compares the console with: React 19 rendering a heading and a button, built by
// the same Vite and React plugin. Nothing smaller can render a React page.
import { StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'

function Floor() {
  const [count, setCount] = useState(0)
  return (
    <main>
      <h1>Floor</h1>
      <button type="button" onClick={() => setCount(count + 1)}>
        Clicked {count} times
      </button>
    </main>
  )
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <Floor />
  </StrictMode>,
)
