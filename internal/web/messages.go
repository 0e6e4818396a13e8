package web

// messageIDs lists the UI messages whose IDs are built at run time or passed
// around in variables, so that the locale test can check them too.
var messageIDs = []string{
	"state.mt", "state.draft", "state.approved", "state.rejected",
	"role.admin", "role.reviewer", "role.viewer",
	"kind.import", "kind.edit", "kind.approve", "kind.reject", "kind.revert", "kind.mt", "kind.tm",
	"error.notfound", "error.badrequest", "error.forbidden", "error.csrf", "error.version",
	"error.login.required", "error.language.unknown", "page.error.title",
	"segment.saving", "segment.saved", "segment.savefailed", "segment.conflict",
	"action.keepmine", "action.taketheirs", "segment.conflict.theirs", "segment.conflict.mine",
	"segment.alldone", "segment.reason.needed", "segment.offline", "segment.nosuggestion",
	// The refusals of the review rules, shown through review.Error.Localize.
	"error.comment.empty", "error.forbidden.comment", "error.forbidden.documents",
	"error.forbidden.edit", "error.forbidden.tokens", "error.forbidden.users", "error.lang.choose",
	"error.lang.invalid", "error.lang.nolanguage", "error.lang.required", "error.lang.same",
	"error.password.long", "error.password.short", "error.password.utf8", "error.reason.required",
	"error.segment.approved", "error.segment.empty", "error.segment.nosource",
	"error.segment.noversion", "error.segment.paraback", "error.segment.paranegative",
	"error.segment.rejected", "error.segments.many", "error.segments.none", "error.text.long",
	"error.text.utf8", "error.title.required", "error.user.demoteself", "error.user.exists",
	"error.user.name", "error.user.role", "error.version.invalid",
	"error.article.format", "error.article.parse", "error.segment.state",
	"error.tags.missing", "error.tags.extra", "error.tags.unclosed", "error.tags.unopened",
	"error.tags.crossed", "error.tags.twice",
	"error.mt.nolangs", "error.mt.none", "error.mt.nopair", "error.mt.failed", "error.mt.exists",
	"error.mt.notfailed", "error.mt.unknown", "error.mt.pending", "error.mt.failedtr", "error.tm.nomatch",
	"error.forbidden.memory", "error.memory.empty", "error.memory.pair", "error.memory.langs",
	"error.time.range", "error.category.unknown", "error.severity.unknown", "error.report.period", "error.report.dates",
	// Error categories, severities and change kinds, named by data.
	"category.accuracy", "category.fluency", "category.terminology", "category.style", "category.punctuation",
	"category.locale-convention", "severity.minor", "severity.major", "severity.critical",
	"changekind.unchanged", "changekind.whitespace", "changekind.casing", "changekind.punctuation", "changekind.wording",
	// The checks: their names, their messages (qa.Issue.Message) and severities.
	"check.boilerplate", "check.bracket-unbalanced", "check.double-space", "check.edge-whitespace",
	"check.empty-target", "check.end-punct", "check.glossary", "check.inverted-punct",
	"check.length-ratio", "check.markup-mismatch", "check.number-format", "check.number-mismatch",
	"check.punct-spacing", "check.quote-style", "check.quote-unbalanced", "check.repeated-word",
	"check.sentence-case", "check.spelling", "check.untranslated", "check.url-mismatch",
	"qa.boilerplate", "qa.bracket-unbalanced", "qa.double-space", "qa.edge-whitespace",
	"qa.empty-target", "qa.end-punct", "qa.glossary", "qa.inverted-punct", "qa.length-ratio",
	"qa.markup-mismatch", "qa.number-format", "qa.number-mismatch", "qa.punct-spacing",
	"qa.quote-style", "qa.quote-unbalanced", "qa.repeated-word", "qa.sentence-case", "qa.spelling",
	"qa.untranslated", "qa.url-mismatch", "severity.error", "severity.warning",
}
