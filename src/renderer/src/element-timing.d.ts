// Renderer: the Element Timing attribute (https://w3c.github.io/element-timing/), which React passes through
// but its DOM types do not list. The library marks its first row's title with it, so the paint of the first rows
// is timed by the browser itself (bench/ui.ts reads it; DevTools shows it too).
import 'react'

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions, @typescript-eslint/no-unused-vars -- only an interface with React's own type parameter merges
  interface HTMLAttributes<T> {
    elementtiming?: string
  }
}
