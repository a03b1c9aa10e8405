import type { apiZhCN } from './zh-CN'

/** What the designer says for each API error, request issue and policy error, in English. */
export const apiEn: Record<keyof typeof apiZhCN, string> = {
  'apiError.badRequest': 'The server could not process this request.',
  'apiError.invalidBody': 'Some entries are not accepted ({n}): see the notes beside them.',
  'apiError.invalidForm': 'The form has errors: fix them under Validation first.',
  'apiError.invalidAnswers': '{n} answers were not accepted: {issues}',
  'apiError.unauthenticated': 'Your sign-in has expired: sign in again.',
  'apiError.forbidden': 'Your account may not do this.',
  'apiError.notFound': 'Not found: it may have been deleted, or the link is wrong.',
  'apiError.conflict': 'This conflicts with the current state: reload the page and try again.',
  'apiError.conflict.archived': 'This form is archived: unarchive it to change it.',
  'apiError.conflict.selfCheck':
    'A self-check is not submitted through a link: fill it in and submit it under Branch self-check.',
  'apiError.campaignNotOpen': 'This campaign is not taking answers now (not yet open, or closed).',
  'apiError.tokenUsed': 'This token has already been used: each token answers once.',
  'apiError.tokenRequired': 'This survey is anonymous: answer it with a one-time token.',
  'apiError.tokenInvalid': 'This token is not valid for this survey.',
  'apiError.idempotencyKeyReused':
    'These answers were already submitted once with other content: reload the page to answer again.',
  'apiError.timeLimitExceeded': 'Time is up: answers sent after the time limit are not accepted.',
  'apiError.attemptNotStarted':
    'The timed quiz has not started: open the answer page again to start the clock.',
  'apiError.invalidTransition':
    'This step is not possible in the current state: reload the page to see the latest.',
  'apiError.invalidTransition.states': 'It is “{from}” now, so it cannot become “{to}”.',
  'apiError.campaignClosed':
    'The campaign is closed, so its settings no longer change: reopen it first.',
  'apiError.responsesExist':
    '{responses} responses have been received: the sources can no longer be added, removed or changed.',
  'apiError.responsesExist.selfChecks':
    '{selfChecks} branches have begun their self-check: its form version can no longer change.',
  'apiError.nextPeriodExists':
    'The next period of this campaign has already been started: a period has one next period.',
  'apiError.notLowestGrade':
    'A transformation plan is only for a branch graded in the lowest band.',
  'apiError.rectificationExists': 'This rectification has already been raised.',
  'apiError.alreadyRated':
    'You have already rated this unit: each panel member rates each unit once.',
  'apiError.treeRule': 'This change would break the organisation tree, so it was not made.',
  'apiError.treeRule.wrongKind':
    'This kind of unit cannot sit under that parent: a branch holds no units.',
  'apiError.treeRule.parentRequired': 'Every unit but a committee needs a parent unit.',
  'apiError.treeRule.parentRetired':
    'The parent unit is retired: a retired unit takes no new units.',
  'apiError.treeRule.unitTypeRequired': 'A branch needs its branch type.',
  'apiError.treeRule.unitTypeNotAllowed': 'Only branches have a branch type.',
  'apiError.treeRule.unknownUnitType': 'This is not one of the branch types.',
  'apiError.treeRule.cycle': 'A unit cannot move under itself or one of its own units.',
  'apiError.treeRule.topCommittee': 'The top committee cannot be moved or retired.',
  'apiError.treeRule.alreadyRetired': 'This unit is already retired.',
  'apiError.treeRule.notRetired': 'This unit is not retired, so there is nothing to restore.',
  'apiError.treeRule.nameRequired': 'A unit needs a name.',
  'apiError.treeRule.nameTooLong': 'The unit’s name is too long.',
  'apiError.treeRule.codeTooLong': 'The unit’s code is too long.',
  'apiError.treeRule.duplicateCode':
    'Another unit under the same committee already has the code “{orgCode}”.',
  'apiError.conflict.duplicateCode':
    'Another unit under the same committee already has the code “{orgCode}”: codes must differ.',
  'apiError.payloadTooLarge': 'What was sent is too large for the server.',
  'apiError.formTooDeep':
    'Panels are nested too deep: at most {limit} levels. Flatten some panels.',
  'apiError.formTooLarge':
    'The form is too large: at most {limit} pages, panels and questions. Split it into several forms.',
  'apiError.reportFontMissing':
    'The server has no Chinese font to make the PDF with: ask an administrator to install fonts-wqy-microhei or set REPORT_FONT. Meanwhile, print this page from the browser.',
  'apiError.validationUnavailable':
    'The server is too busy to check this form now, so it was not published: try again shortly.',
  'apiError.originNotAllowed': 'This site is not allowed to embed this survey.',
  'apiError.weakPassword':
    'The password is too weak: use at least 10 characters, not a common password, nothing close to your name or e-mail.',
  'apiError.passwordChangeRequired':
    'You signed in with a temporary password: choose a new password before going on.',
  'apiError.tooManyAttempts':
    'Too many failed sign-in attempts: wait {minutes} minutes, then try again.',
  'apiError.crossSiteRequest':
    'The request came from another website and was refused: open Yardstick at its own address.',
  'apiError.internal': 'The server ran into an error: try again later.',
  'apiError.network': 'The server cannot be reached: check the network and try again.',
  'apiError.unknown': 'The request failed (error code: {code}).',
  'apiError.unexpected': 'Something unexpected went wrong: reload the page and try again.',

  'apiIssue.invalid': 'This value is not accepted',
  'apiIssue.required': 'Required',
  'apiIssue.type': 'Must be {expected}',
  'apiIssue.type.other': 'Has the wrong type',
  'apiIssue.type.string': 'text',
  'apiIssue.type.number': 'a number',
  'apiIssue.type.int': 'a whole number',
  'apiIssue.type.boolean': 'yes or no',
  'apiIssue.type.array': 'a list',
  'apiIssue.type.object': 'an object',
  'apiIssue.type.date': 'a date',
  'apiIssue.tooSmall': 'Too small (at least {minimum})',
  'apiIssue.tooSmall.string': 'At least {minimum} characters',
  'apiIssue.tooSmall.stringEmpty': 'Must not be empty',
  'apiIssue.tooSmall.number': 'Must be at least {minimum}',
  'apiIssue.tooSmall.numberExclusive': 'Must be more than {minimum}',
  'apiIssue.tooSmall.array': 'At least {minimum} items',
  'apiIssue.tooSmall.arrayEmpty': 'Needs at least one',
  'apiIssue.tooBig': 'Too large (at most {maximum})',
  'apiIssue.tooBig.string': 'At most {maximum} characters',
  'apiIssue.tooBig.number': 'Must be at most {maximum}',
  'apiIssue.tooBig.numberExclusive': 'Must be less than {maximum}',
  'apiIssue.tooBig.array': 'At most {maximum} items',
  'apiIssue.format': 'Not in the expected format',
  'apiIssue.format.email': 'Not a valid email address',
  'apiIssue.format.url': 'Not a valid web address',
  'apiIssue.format.datetime': 'Not a valid date and time',
  'apiIssue.invalidValue': 'Not one of the allowed values',
  'apiIssue.unrecognizedKeys': 'Has fields that are not recognised: {keys}',
  'apiIssue.notMultipleOf': 'Must be a multiple of {divisor}',
  'apiIssue.responsesExist': 'Responses exist: this can no longer change',

  'policyError.emptySources': 'Use at least one source',
  'policyError.duplicateSourceKey': 'The source “{source}” is listed twice',
  'policyError.twoSelfChecks': 'Only one source can be answered by the branch’s self-check',
  'policyError.panelMissing': '{source} needs at least one panel member',
  'policyError.panelUnexpected': 'Only a source answered by a panel names people',
  'policyError.panelDuplicate': '{source} names a panel member twice',
  'policyError.panelUserUnknown': '{source} names someone who does not exist or is deactivated',
  'policyError.panelAnonymous': 'A panel answers signed in: {source} cannot be anonymous',
  'policyError.invalidWeight': 'The weight of {source} must be a number above 0',
  'policyError.invalidMinResponses':
    'The minimum responses of {source} must be a whole number of at least 0',
  'policyError.invalidMeasure': 'The measure of {source} is not valid',
  'policyError.emptyBands': 'Set at least one grade band',
  'policyError.invalidBandMin': 'The minimum of band {n} must be a number',
  'policyError.unorderedBands':
    'Band minimums run from highest to lowest: band {n} must be below the one above',
  'policyError.duplicateGrade': 'The grade of band {n} is the same as another band’s',
  'policyError.unknownQuotaGrade': 'The quota grade must be the grade of one of the bands',
  'policyError.quotaOnLowestBand':
    'The lowest band cannot have a quota (units over it move one band down)',
  'policyError.invalidMaxShare': 'The quota share must be between 0 and 100 percent',
  'policyError.duplicateUnitId': 'A sample branch is listed twice',
  'policyError.unknownSourceKey': 'The sample data has a source that is not in use',
  'policyError.invalidSummary': 'The sample data is not valid',
}
