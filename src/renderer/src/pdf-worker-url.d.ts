// Renderer: the bundled pdf.js worker file's URL (Vite's `?url` import copies it into the build's assets).
declare module 'pdfjs-dist/build/pdf.worker.mjs?url' {
  const url: string
  export default url
}
