// @yardstick/embed, the classic script (`/embed.classic.js`) for pages that cannot load
// modules with <script type="module">: the same element, and the same renderer chunk as the ES
// build, fetched with a dynamic import() relative to this script's own address.
import { defineYardstickSurvey, type LoadRenderer } from './element'

const script = document.currentScript as HTMLScriptElement | null
const base = script?.src ?? document.baseURI
const renderer = new URL('embed/renderer.js', base).href

defineYardstickSurvey(() => import(/* @vite-ignore */ renderer) as ReturnType<LoadRenderer>)
