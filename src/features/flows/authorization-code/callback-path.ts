/** Where the console receives authorization responses; vite dev and preview serve the app for any path. */
export const CALLBACK_PATH = '/callback'
