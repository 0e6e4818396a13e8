package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"copydesk/internal/i18n"
	"copydesk/internal/review"
	"copydesk/internal/store"
)

// generatedPasswordBytes is how many random bytes a generated password holds
// (15 bytes are 20 characters of base64url).
const generatedPasswordBytes = 15

// adminRoutes registers the admin page and its forms; all of them need the
// admin role. The group sits inside the logged-in group, whose middleware has
// loaded the session and checked the CSRF token of every POST.
func (s *server) adminRoutes(g *gin.RouterGroup) {
	g.Use(s.requireAdmin)
	g.GET("", s.adminPage)
	g.POST("/users", s.addUserForm)
	g.POST("/users/:id/role", s.setRoleForm)
	g.POST("/users/:id/password", s.resetPasswordForm)
	g.POST("/tokens", s.issueTokenForm)
	g.POST("/tokens/:id/revoke", s.revokeTokenForm)
	s.glossaryRoutes(g)
}

// requireAdmin answers 403 to anyone whose role may not manage users.
func (s *server) requireAdmin(c *gin.Context) {
	if !review.Can(currentUser(c).Role, review.ActManageUsers) {
		s.showError(c, http.StatusForbidden, "error.forbidden")
		return
	}
	c.Next()
}

// adminPage is the page of users and API tokens.
type adminPage struct {
	base
	Users  []adminUser
	Tokens []store.Token // the hint only: the token itself is never stored
	Roles  []string
	Form   newUserForm    // the add-user form, filled again after a refusal
	Secret *oneTimeSecret // a password or token made just now, shown this once
}

// adminUser is a user as the page lists it: never the password hash.
type adminUser struct {
	ID        int64
	Name      string
	Role      string
	CreatedAt time.Time
	Self      bool // the admin looking at the page
}

// newUserForm is POST /admin/users. The password is never sent back to the page.
type newUserForm struct {
	Name, Role, Password string
}

// oneTimeSecret is a new password or API token with the line that says whose it is.
type oneTimeSecret struct {
	Title string
	Value string
}

// adminPage handles GET /admin, with ?done=KEY naming what the form before did.
func (s *server) adminPage(c *gin.Context) {
	p, ok := s.loadAdminPage(c, newUserForm{})
	if !ok {
		return
	}
	p.Flash = doneMessage(localizer(c), c.Query("done"))
	s.render(c, http.StatusOK, "admin", p)
}

// loadAdminPage reads the users and tokens for the page. It answers the request
// itself and returns false when they cannot be read.
func (s *server) loadAdminPage(c *gin.Context, form newUserForm) (adminPage, bool) {
	ctx := c.Request.Context()
	users, err := s.svc.Store().ListUsers(ctx)
	if err != nil {
		s.fail(c, err, "user")
		return adminPage{}, false
	}
	tokens, err := s.svc.Store().ListTokens(ctx)
	if err != nil {
		s.fail(c, err, "token")
		return adminPage{}, false
	}
	if form.Role == "" {
		form.Role = review.RoleReviewer
	}
	form.Password = ""
	p := adminPage{base: s.newBase(c, localizer(c).T("page.admin.title")), Tokens: tokens,
		Roles: review.Roles, Form: form}
	me := currentUser(c).ID
	for _, u := range users {
		p.Users = append(p.Users, adminUser{ID: u.ID, Name: u.Name, Role: u.Role, CreatedAt: u.CreatedAt, Self: u.ID == me})
	}
	return p, true
}

// userName returns the name of the listed user id ("" when not listed).
func (p adminPage) userName(id int64) string {
	for _, u := range p.Users {
		if u.ID == id {
			return u.Name
		}
	}
	return ""
}

// doneMessage translates the ?done= key of the redirect after a form; an unknown
// key shows nothing. The keys are fixed words, never user text.
func doneMessage(loc *i18n.Localizer, key string) string {
	switch key {
	case "role":
		return loc.T("admin.done.role")
	case "password":
		return loc.T("admin.done.password")
	case "token_revoked":
		return loc.T("admin.done.token_revoked")
	case "user_added":
		return loc.T("admin.done.user_added")
	}
	return ""
}

// redirectDone answers a form that worked with a redirect to the page and its flash.
func redirectDone(c *gin.Context, key string) {
	c.Redirect(http.StatusSeeOther, "/admin?done="+key)
}

// showSecret answers a form that made a password or token: the page itself, with
// the secret shown this once (no redirect, so it is in no URL and no cookie).
func (s *server) showSecret(c *gin.Context, flash string, secret func(p adminPage) oneTimeSecret) {
	p, ok := s.loadAdminPage(c, newUserForm{})
	if !ok {
		return
	}
	sec := secret(p)
	p.Flash, p.Secret = flash, &sec
	s.render(c, http.StatusOK, "admin", p)
}

// adminFailed answers a refused admin form: a rule's refusal shows the page again
// with its message (422, or 400 for a value that cannot be read), a missing user
// or token the 404 page, anything else the common error path.
func (s *server) adminFailed(c *gin.Context, err error, form newUserForm) {
	var pub *review.Error
	switch {
	case errors.As(err, &pub) && errors.Is(err, review.ErrForbidden):
		s.showError(c, http.StatusForbidden, "error.forbidden")
	case errors.As(err, &pub):
		status := http.StatusUnprocessableEntity
		if errors.Is(err, review.ErrMalformed) {
			status = http.StatusBadRequest
		}
		p, ok := s.loadAdminPage(c, form)
		if !ok {
			return
		}
		p.Error = s.publicText(c, pub)
		s.render(c, status, "admin", p)
	default:
		s.failPage(c, err)
	}
}

// formID reads a numeric id from a path parameter or form field; anything else
// is the 404 page.
func (s *server) formID(c *gin.Context, raw string) (int64, bool) {
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id < 1 {
		s.showError(c, http.StatusNotFound, "error.notfound")
		return 0, false
	}
	return id, true
}

// addUserForm handles POST /admin/users {name, role, password}; an empty password
// is generated and shown once.
func (s *server) addUserForm(c *gin.Context) {
	form := newUserForm{Name: strings.TrimSpace(c.PostForm("name")), Role: c.PostForm("role"),
		Password: c.PostForm("password")}
	generated := form.Password == ""
	if generated {
		form.Password = review.RandomSecret(generatedPasswordBytes)
	}
	u, err := s.svc.AddUser(c.Request.Context(), currentUser(c), form.Name, form.Role, form.Password)
	if err != nil {
		s.adminFailed(c, err, form)
		return
	}
	if !generated {
		redirectDone(c, "user_added")
		return
	}
	loc := localizer(c)
	s.showSecret(c, loc.T("admin.done.user_added"), func(adminPage) oneTimeSecret {
		return oneTimeSecret{Title: loc.T("admin.password.for", "Name", u.Name), Value: form.Password}
	})
}

// setRoleForm handles POST /admin/users/{id}/role {role}.
func (s *server) setRoleForm(c *gin.Context) {
	id, ok := s.formID(c, c.Param("id"))
	if !ok {
		return
	}
	if err := s.svc.SetRole(c.Request.Context(), currentUser(c), id, c.PostForm("role")); err != nil {
		s.adminFailed(c, err, newUserForm{})
		return
	}
	redirectDone(c, "role")
}

// resetPasswordForm handles POST /admin/users/{id}/password {password}; an empty
// password is generated and shown once. The user's sessions end either way.
func (s *server) resetPasswordForm(c *gin.Context) {
	id, ok := s.formID(c, c.Param("id"))
	if !ok {
		return
	}
	password := c.PostForm("password")
	generated := password == ""
	if generated {
		password = review.RandomSecret(generatedPasswordBytes)
	}
	if err := s.svc.ResetPassword(c.Request.Context(), currentUser(c), id, password); err != nil {
		s.adminFailed(c, err, newUserForm{})
		return
	}
	if !generated {
		redirectDone(c, "password")
		return
	}
	loc := localizer(c)
	s.showSecret(c, loc.T("admin.done.password"), func(p adminPage) oneTimeSecret {
		return oneTimeSecret{Title: loc.T("admin.password.for", "Name", p.userName(id)), Value: password}
	})
}

// issueTokenForm handles POST /admin/tokens {user_id}: the new token is shown once.
func (s *server) issueTokenForm(c *gin.Context) {
	id, ok := s.formID(c, c.PostForm("user_id"))
	if !ok {
		return
	}
	token, err := s.svc.IssueToken(c.Request.Context(), currentUser(c), id)
	if err != nil {
		s.adminFailed(c, err, newUserForm{})
		return
	}
	loc := localizer(c)
	s.showSecret(c, "", func(p adminPage) oneTimeSecret {
		return oneTimeSecret{Title: loc.T("admin.token.for", "Name", p.userName(id)), Value: token}
	})
}

// revokeTokenForm handles POST /admin/tokens/{id}/revoke.
func (s *server) revokeTokenForm(c *gin.Context) {
	id, ok := s.formID(c, c.Param("id"))
	if !ok {
		return
	}
	if err := s.svc.RevokeToken(c.Request.Context(), currentUser(c), id); err != nil {
		s.adminFailed(c, err, newUserForm{})
		return
	}
	redirectDone(c, "token_revoked")
}
