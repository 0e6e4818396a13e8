package review

// Roles.
const (
	RoleAdmin    = "admin"    // everything, including user management
	RoleReviewer = "reviewer" // read, export, import, edit, approve, reject
	RoleViewer   = "viewer"   // read and export
)

// Roles lists every role, most powerful first.
var Roles = []string{RoleAdmin, RoleReviewer, RoleViewer}

// Action is something a role may or may not do.
type Action int

// Actions checked against roles.
const (
	ActRead Action = iota
	ActExport
	ActImport
	ActEdit // edit, approve, reject
	ActManageUsers
)

// ValidRole reports whether r names a role.
func ValidRole(r string) bool {
	return r == RoleAdmin || r == RoleReviewer || r == RoleViewer
}

// Can reports whether role may perform a.
func Can(role string, a Action) bool {
	switch role {
	case RoleAdmin:
		return true
	case RoleReviewer:
		return a != ActManageUsers
	case RoleViewer:
		return a == ActRead || a == ActExport
	}
	return false
}
