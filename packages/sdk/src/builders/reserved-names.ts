/**
 * SurveyJS's built-in variables (`{pageno}`, `{locale}`, …), which it answers before any
 * question of the same name: survey-core's `getBuiltInVariableNames()` (3.1.1), written out so
 * the builders and the templates load without survey-core (the designer's first page reads the
 * templates; survey-core loads only with the editor's preview and validation). A test checks the
 * list against survey-core's own, so an upgrade that adds a variable fails it.
 */
export const SURVEY_BUILT_IN_VARIABLES = [
  'pageno',
  'pagecount',
  'questioncount',
  'correctedanswers',
  'correctanswers',
  'correctedanswercount',
  'incorrectedanswers',
  'incorrectanswers',
  'incorrectedanswercount',
  'locale',
] as const
