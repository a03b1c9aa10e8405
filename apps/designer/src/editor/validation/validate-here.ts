// `validateForm` behind a dynamic import: what loads survey-core where there is no worker.
export { validateForm } from '@yardstick/sdk'
