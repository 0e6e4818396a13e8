package web

// messageIDs lists the UI messages whose IDs are built at run time or passed
// around in variables, so that the locale test can check them too.
var messageIDs = []string{
	"state.mt", "state.draft", "state.approved", "state.rejected",
	"role.admin", "role.reviewer", "role.viewer",
	"kind.import", "kind.edit", "kind.approve", "kind.reject", "kind.revert",
	"error.notfound", "error.badrequest", "error.forbidden", "error.csrf", "error.version",
	"error.login.required", "error.language.unknown", "page.error.title",
	"segment.saving", "segment.saved", "segment.savefailed", "segment.conflict",
	"action.keepmine", "action.taketheirs", "segment.conflict.theirs", "segment.conflict.mine",
	"segment.alldone", "segment.reason.needed", "segment.offline",
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
}
