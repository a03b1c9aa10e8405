// The portal's configuration: which Yardstick server, which link, which token. A real portal
// writes these into its page; this example reads them from its own address so one page serves
// any survey: /?server=http://127.0.0.1:3000&link=<slug>&token=<token>[&locale=en][&classic=1]
const query = new URLSearchParams(location.search)
const survey = document.getElementById('survey')
const server = query.get('server') ?? 'http://127.0.0.1:3000'
for (const name of ['server', 'link', 'token', 'locale']) {
  const value = name === 'server' ? server : query.get(name)
  if (value) survey.setAttribute(name, value)
}
if (query.get('embed') === '0') survey.remove()

// The portal listens to the survey's events (they bubble out of the shadow root).
const log = document.getElementById('events')
for (const name of ['yardstick:ready', 'yardstick:submitted', 'yardstick:error']) {
  document.addEventListener(name, (event) => {
    const item = document.createElement('li')
    item.dataset.event = name
    item.textContent = `${name} ${JSON.stringify(event.detail)}`
    log.append(item)
  })
}

// The embed itself: an ES module, or the classic script for pages that cannot load modules.
// Added after the portal's own content, so the portal paints first.
const script = document.createElement('script')
if (query.get('classic') === '1') {
  script.src = `${server}/embed.classic.js`
} else {
  script.type = 'module'
  script.src = `${server}/embed.js`
}
document.head.append(script)
