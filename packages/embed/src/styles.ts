/**
 * The embed's own CSS, inside the shadow root after survey-core's. `all: initial` on the host
 * stops the portal's inherited styles (font, colour, line height) at the boundary; the shadow
 * root stops everything else, and none of this reaches the portal.
 */
export const EMBED_CSS = `
:host { all: initial; display: block; font: 16px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2328; }
:host([hidden]) { display: none; }
.ys-toolbar { display: flex; justify-content: flex-end; padding: 4px 8px; }
.ys-locale { font: inherit; font-size: 14px; padding: 2px 10px; border: 1px solid #b0b7c3; border-radius: 4px; background: #fff; cursor: pointer; }
.ys-error { margin: 8px; padding: 10px 14px; border-left: 4px solid #c62828; background: #fdecea; color: #8e1b1b; }
.ys-notice { margin: 8px; padding: 10px 14px; border-left: 4px solid #1565c0; background: #e8f1fb; }
.ys-score, .ys-thanks { margin: 8px; padding: 10px 14px; font-size: 18px; text-align: center; }
`
